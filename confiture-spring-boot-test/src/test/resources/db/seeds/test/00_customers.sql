INSERT INTO customer (email, name) VALUES ('test@example.com', 'Test Seed');
