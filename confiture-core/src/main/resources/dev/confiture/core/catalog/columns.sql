-- Columns of tables, in attnum order. A default has no column reference, so it is deparsed without the
-- table as context (which pg_get_expr would open for every default).
SELECT a.attrelid, quote_ident(a.attname) AS name, a.attislocal,
	format_type(a.atttypid, a.atttypmod) AS type,
	(SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname)
		FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace
		WHERE co.oid = a.attcollation AND a.attcollation <> t.typcollation) AS collation,
	a.attnotnull,
	CASE WHEN a.attgenerated = '' THEN pg_get_expr(ad.adbin, 0) END AS default_expression,
	CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END AS identity,
	(SELECT 'SEQUENCE NAME ' || quote_ident(sn.nspname) || '.' || quote_ident(sc.relname)
			|| ' START WITH ' || s.seqstart || ' INCREMENT BY ' || s.seqincrement || ' MINVALUE ' || s.seqmin
			|| ' MAXVALUE ' || s.seqmax || ' CACHE ' || s.seqcache || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END
		FROM pg_depend d JOIN pg_sequence s ON s.seqrelid = d.objid
			JOIN pg_class sc ON sc.oid = s.seqrelid JOIN pg_namespace sn ON sn.oid = sc.relnamespace
		WHERE a.attidentity <> '' AND d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
			AND d.refobjid = a.attrelid AND d.refobjsubid = a.attnum AND d.deptype = 'i') AS identity_options,
	CASE a.attgenerated WHEN 's' THEN 'STORED' WHEN 'v' THEN 'VIRTUAL' END AS generated,
	CASE WHEN a.attgenerated <> '' THEN pg_get_expr(ad.adbin, ad.adrelid) END AS generation_expression
FROM pg_attribute a
JOIN pg_class c ON c.oid = a.attrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped
	AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
ORDER BY a.attrelid, a.attnum
