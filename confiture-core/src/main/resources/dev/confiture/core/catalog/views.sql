-- Views and materialized views.
SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name, c.relkind = 'm' AS materialized,
	pg_get_viewdef(c.oid, true) AS query,
	(SELECT array_agg(o ORDER BY o) FROM unnest(c.reloptions) o) AS options
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('v', 'm')
	AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
	AND NOT EXISTS (SELECT FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
