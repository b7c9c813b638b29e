-- Table constraints declared on the table itself (not cloned onto partitions, not inherited,
-- not the NOT NULL constraints of PostgreSQL 18, which are column properties here).
SELECT (pg_identify_object('pg_class'::regclass, k.conrelid, 0)).identity AS table_name,
	quote_ident(k.conname) AS name, k.contype, pg_get_constraintdef(k.oid) AS definition, k.convalidated,
	CASE WHEN k.contype IN ('p', 'u', 'x') AND k.conindid <> 0
		THEN (pg_identify_object('pg_class'::regclass, k.conindid, 0)).identity END AS index_name
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE k.contype IN ('p', 'u', 'f', 'c', 'x') AND k.conparentid = 0 AND k.conislocal
	AND c.relkind IN ('r', 'p')
	AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
