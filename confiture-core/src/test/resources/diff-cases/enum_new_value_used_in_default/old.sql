CREATE TYPE status AS ENUM ('draft', 'published');
CREATE TABLE post (id int PRIMARY KEY, s status NOT NULL DEFAULT 'draft');
