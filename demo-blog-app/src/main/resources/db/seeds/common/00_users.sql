-- Readable UUIDs: 0000...0001 is alice, 0000...0002 is bob.
INSERT INTO tb_user (pk_user, identifier, email, username, full_name) VALUES
    ('00000000-0000-0000-0000-000000000001', 'alice', 'alice@example.com', 'alice', 'Alice Martin'),
    ('00000000-0000-0000-0000-000000000002', 'bob', 'bob@example.com', 'bob', 'Bob Durand');
