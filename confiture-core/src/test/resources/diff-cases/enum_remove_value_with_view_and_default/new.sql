CREATE TYPE status AS ENUM ('draft', 'published');
CREATE TABLE post (id int PRIMARY KEY, s status NOT NULL DEFAULT 'draft', history status[]);
CREATE VIEW published AS SELECT id FROM post WHERE s = 'published';
CREATE FUNCTION is_live(p status) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT p = 'published' $$;
