CREATE TABLE t (id int, name text);
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
COMMENT ON TABLE t IS 'old table comment';
COMMENT ON COLUMN t.name IS 'the name';
