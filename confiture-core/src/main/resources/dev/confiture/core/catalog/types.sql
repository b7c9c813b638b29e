-- Enums, domains and composite types (not row types of tables or views).
SELECT (pg_identify_object('pg_type'::regclass, t.oid, 0)).identity AS name,
	t.typtype AS kind,
	(SELECT array_agg(e.enumlabel ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid) AS labels,
	format_type(t.typbasetype, t.typtypmod) AS base_type,
	(SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
		FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
		WHERE co.oid = t.typcollation AND t.typcollation <> bt.typcollation) AS collation,
	pg_get_expr(t.typdefaultbin, 0) AS default_expression,
	t.typnotnull AS not_null,
	(SELECT array_agg(quote_ident(k.conname) ORDER BY k.conname) FROM pg_constraint k
		WHERE k.contypid = t.oid AND k.contype = 'c') AS check_names,
	(SELECT array_agg(pg_get_constraintdef(k.oid) ORDER BY k.conname) FROM pg_constraint k
		WHERE k.contypid = t.oid AND k.contype = 'c') AS check_definitions,
	(SELECT array_agg(quote_ident(a.attname) ORDER BY a.attnum) FROM pg_attribute a
		WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attribute_names,
	(SELECT array_agg(format_type(a.atttypid, a.atttypmod)
			|| COALESCE((SELECT ' COLLATE ' || quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
				FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace JOIN pg_type at ON at.oid = a.atttypid
				WHERE co.oid = a.attcollation AND a.attcollation <> at.typcollation), '') ORDER BY a.attnum)
		FROM pg_attribute a
		WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped) AS attribute_types
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
	AND (t.typtype IN ('e', 'd')
		OR (t.typtype = 'c' AND (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c'))
	AND NOT EXISTS (SELECT FROM pg_depend x WHERE x.classid = 'pg_type'::regclass AND x.objid = t.oid AND x.deptype = 'e')
