-- Schemas and extensions.
SELECT 'schema' AS kind, quote_ident(n.nspname) AS name, NULL AS schema, NULL AS version, NULL::text[] AS updatable
FROM pg_namespace n
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
	AND NOT EXISTS (SELECT FROM pg_depend x WHERE x.classid = 'pg_namespace'::regclass AND x.objid = n.oid AND x.deptype = 'e')
UNION ALL
SELECT 'extension', quote_ident(x.extname), quote_ident(n.nspname), x.extversion,
	ARRAY(SELECT u.target FROM pg_extension_update_paths(x.extname) u
		WHERE u.source = x.extversion AND u.path IS NOT NULL ORDER BY u.target)
FROM pg_extension x
JOIN pg_namespace n ON n.oid = x.extnamespace
WHERE x.extname <> 'plpgsql'
