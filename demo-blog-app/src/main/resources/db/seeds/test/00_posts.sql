-- Fixed data the tests read (test profile only): test UUIDs end in 1NN.
INSERT INTO tb_post (pk_post, identifier, fk_user, title, slug, content, excerpt, tags, is_published, published_at, created_at, updated_at) VALUES
    ('00000000-0000-0000-0001-000000000101', 'test-published', '00000000-0000-0000-0000-000000000001',
     'Test published post', 'test-published', 'Published content.', 'Published.', ARRAY['test'], true,
     '2020-01-01 00:00:00+00', '2020-01-01 00:00:00+00', '2020-01-01 00:00:00+00'),
    ('00000000-0000-0000-0001-000000000102', 'test-draft', '00000000-0000-0000-0000-000000000002',
     'Test draft', 'test-draft', 'Draft content.', NULL, ARRAY[]::TEXT[], false,
     NULL, '2020-01-02 00:00:00+00', '2020-01-02 00:00:00+00');

INSERT INTO tb_comment (pk_comment, fk_post, fk_user, content, created_at) VALUES
    ('00000000-0000-0000-0002-000000000101', '00000000-0000-0000-0001-000000000101',
     '00000000-0000-0000-0000-000000000002', 'Test comment by bob.', '2020-01-01 01:00:00+00');
