INSERT INTO customer (email, name) VALUES ('development@example.com', 'Development Seed');
