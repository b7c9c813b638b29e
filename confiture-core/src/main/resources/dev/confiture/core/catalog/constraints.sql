-- Table constraints declared on the table itself (not cloned onto partitions, not inherited,
-- not the NOT NULL constraints of PostgreSQL 18, which are column properties here), and the
-- keys of partitions attached to their parent's key (their names are the partition's own).
SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS table_name,
	quote_ident(k.conname) AS name, k.contype, pg_get_constraintdef(k.oid) AS definition, k.convalidated,
	CASE WHEN k.contype IN ('p', 'u', 'x') AND k.conindid <> 0
		THEN quote_ident(inn.nspname) || '.' || quote_ident(ic.relname) END AS index_name
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_class ic ON ic.oid = k.conindid
LEFT JOIN pg_namespace inn ON inn.oid = ic.relnamespace
WHERE k.contype IN ('p', 'u', 'f', 'c', 'x')
	AND ((k.conparentid = 0 AND k.conislocal) OR (k.conparentid <> 0 AND k.contype IN ('p', 'u', 'x')))
	AND c.relkind IN ('r', 'p')
	AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
