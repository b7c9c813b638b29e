CREATE TABLE t (id int CONSTRAINT t_pk PRIMARY KEY, name text);
CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$;
COMMENT ON TABLE t IS 'it''s the table';
COMMENT ON COLUMN t.id IS 'identifier';
COMMENT ON FUNCTION f() IS 'one';
COMMENT ON CONSTRAINT t_pk ON t IS 'key';
COMMENT ON SCHEMA public IS 'the public schema';
