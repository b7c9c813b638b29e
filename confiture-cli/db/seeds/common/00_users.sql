-- Seed data for every non-production environment.
INSERT INTO users (username, email) VALUES
    ('admin', 'admin@example.com'),
    ('editor', 'editor@example.com');
