-- Indexes that back no constraint (those attached to a partitioned index included).
SELECT quote_ident(inn.nspname) || '.' || quote_ident(ic.relname) AS name,
	quote_ident(n.nspname) || '.' || quote_ident(tc.relname) AS table_name,
	pg_get_indexdef(i.indexrelid) AS definition, tc.relkind = 'p' AS partitioned,
	i.indisvalid AS valid, i.indisready AS ready
FROM pg_index i
JOIN pg_class tc ON tc.oid = i.indrelid
JOIN pg_namespace n ON n.oid = tc.relnamespace
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace inn ON inn.oid = ic.relnamespace
WHERE tc.relkind IN ('r', 'p', 'm')
	AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
	AND NOT EXISTS (SELECT FROM pg_constraint k WHERE k.conindid = i.indexrelid AND k.conrelid = i.indrelid
		AND k.contype IN ('p', 'u', 'x'))
	AND NOT EXISTS (SELECT FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = tc.oid AND x.deptype = 'e')
