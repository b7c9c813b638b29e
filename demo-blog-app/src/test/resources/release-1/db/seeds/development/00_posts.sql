-- A small blog to click around in (development profile only).
INSERT INTO tb_user (pk_user, identifier, email, username, full_name, bio) VALUES
    ('00000000-0000-0000-0000-000000000003', 'carol', 'carol@example.com', 'carol', 'Carol Petit', 'Reads everything.');

INSERT INTO tb_post (pk_post, identifier, fk_user, title, slug, content, excerpt, tags, is_published, published_at, created_at, updated_at) VALUES
    ('00000000-0000-0000-0001-000000000001', 'welcome-to-the-blog', '00000000-0000-0000-0000-000000000001',
     'Welcome to the blog', 'welcome-to-the-blog',
     'This blog was built by Confiture from db/schema in one transaction. Its tables follow the CQRS layout: tb_ tables for writes, tv_ documents for reads.',
     'Built by Confiture from db/schema.', ARRAY['intro', 'confiture'], true,
     '2026-01-05 09:00:00+00', '2026-01-05 09:00:00+00', '2026-01-05 09:00:00+00'),
    ('00000000-0000-0000-0001-000000000002', 'schema-files-are-the-truth', '00000000-0000-0000-0000-000000000001',
     'Schema files are the source of truth', 'schema-files-are-the-truth',
     'A fresh database is built from the DDL files. An existing one is migrated. Both end up with the same schema.',
     NULL, ARRAY['postgresql', 'confiture'], true,
     '2026-01-12 09:00:00+00', '2026-01-12 09:00:00+00', '2026-01-12 09:00:00+00'),
    ('00000000-0000-0000-0001-000000000003', 'a-draft', '00000000-0000-0000-0000-000000000002',
     'A draft', 'a-draft', 'Not published yet.', NULL, ARRAY[]::TEXT[], false,
     NULL, '2026-01-20 09:00:00+00', '2026-01-20 09:00:00+00');

INSERT INTO tb_comment (pk_comment, fk_post, fk_user, content, created_at) VALUES
    ('00000000-0000-0000-0002-000000000001', '00000000-0000-0000-0001-000000000001',
     '00000000-0000-0000-0000-000000000002', 'First!', '2026-01-05 10:00:00+00'),
    ('00000000-0000-0000-0002-000000000002', '00000000-0000-0000-0001-000000000001',
     '00000000-0000-0000-0000-000000000003', 'Welcome, Alice.', '2026-01-05 11:00:00+00'),
    ('00000000-0000-0000-0002-000000000003', '00000000-0000-0000-0001-000000000002',
     '00000000-0000-0000-0000-000000000003', 'One transaction, nice.', '2026-01-12 10:00:00+00');
