-- Users every environment has. Readable UUIDs: users are 00000000-0000-0000-0000-0000000000NN,
-- posts 00000000-0000-0000-0001-0000000000NN, comments 00000000-0000-0000-0002-0000000000NN.
-- The triggers of db/schema/30_functions fill tv_user as these rows go in.
INSERT INTO tb_user (pk_user, identifier, email, username, full_name, bio) VALUES
    ('00000000-0000-0000-0000-000000000001', 'alice', 'alice@example.com', 'alice', 'Alice Martin',
     'Writes about PostgreSQL.'),
    ('00000000-0000-0000-0000-000000000002', 'bob', 'bob@example.com', 'bob', 'Bob Durand', NULL);
