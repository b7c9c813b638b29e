-- Tables: plain, partitioned and partitions. Names are quoted as pg_identify_object quotes them.
SELECT c.oid, quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
	c.relpersistence = 'u' AS unlogged,
	CASE WHEN c.relkind = 'p' THEN pg_get_partkeydef(c.oid) END AS partition_key,
	CASE WHEN c.relispartition THEN (SELECT quote_ident(pn.nspname) || '.' || quote_ident(p.relname)
		FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
		WHERE i.inhrelid = c.oid) END AS partition_of,
	CASE WHEN c.relispartition THEN pg_get_expr(c.relpartbound, c.oid) END AS partition_bound,
	CASE WHEN NOT c.relispartition THEN (SELECT array_agg(quote_ident(pn.nspname) || '.' || quote_ident(p.relname) ORDER BY i.inhseqno)
		FROM pg_inherits i JOIN pg_class p ON p.oid = i.inhparent JOIN pg_namespace pn ON pn.oid = p.relnamespace
		WHERE i.inhrelid = c.oid) END AS inherits,
	c.relrowsecurity, c.relforcerowsecurity,
	(SELECT array_agg(o ORDER BY o) FROM unnest(c.reloptions) o) AS options
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind IN ('r', 'p')
	AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
	AND NOT EXISTS (SELECT FROM pg_depend x WHERE x.classid = 'pg_class'::regclass AND x.objid = c.oid AND x.deptype = 'e')
