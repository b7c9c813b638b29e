-- Collations created by the user (not by an extension); the columns of pg_collation differ between
-- server versions (colliculocale up to 16, colllocale from 17, collicurules from 16), so they are read as JSON.
SELECT (pg_identify_object('pg_collation'::regclass, c.oid, 0)).identity AS name, to_jsonb(c) AS collation
FROM pg_collation c
JOIN pg_namespace n ON n.oid = c.collnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
	AND NOT EXISTS (SELECT FROM pg_depend x WHERE x.classid = 'pg_collation'::regclass AND x.objid = c.oid AND x.deptype = 'e')
