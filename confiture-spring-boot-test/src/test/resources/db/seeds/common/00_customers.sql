INSERT INTO customer (email, name) VALUES ('common@example.com', 'Common Seed');
