INSERT INTO tb_post (pk_post, identifier, fk_user, title, slug, content, tags, is_published, published_at) VALUES
    ('00000000-0000-0000-0001-000000000001', 'welcome', '00000000-0000-0000-0000-000000000001',
     'Welcome to the blog', 'welcome-to-the-blog', 'Built by Confiture from db/schema.', ARRAY['intro'], true, now());

INSERT INTO tb_comment (pk_comment, fk_post, fk_user, content) VALUES
    ('00000000-0000-0000-0002-000000000001', '00000000-0000-0000-0001-000000000001',
     '00000000-0000-0000-0000-000000000002', 'First!');
