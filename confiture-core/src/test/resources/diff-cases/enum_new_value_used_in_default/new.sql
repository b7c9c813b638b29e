CREATE TYPE status AS ENUM ('draft', 'review', 'published');
CREATE TABLE post (id int PRIMARY KEY, s status NOT NULL DEFAULT 'review');
