-- Replica identities of tables that do not use the default (their primary key).
SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS table_name,
	CASE c.relreplident WHEN 'f' THEN 'FULL' WHEN 'n' THEN 'NOTHING' ELSE 'USING INDEX' END AS identity,
	(SELECT quote_ident(inn.nspname) || '.' || quote_ident(ic.relname)
		FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace inn ON inn.oid = ic.relnamespace
		WHERE i.indrelid = c.oid AND i.indisreplident AND c.relreplident = 'i') AS index_name
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p') AND c.relreplident IN ('f', 'n', 'i')
	AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
	AND NOT EXISTS (SELECT FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
