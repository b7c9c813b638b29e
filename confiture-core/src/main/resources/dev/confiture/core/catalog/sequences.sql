-- Sequences, without identity sequences (those belong to their column).
SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name,
	format_type(s.seqtypid, NULL) AS data_type, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
	(SELECT quote_ident(tn.nspname) || '.' || quote_ident(t.relname) || '.' || quote_ident(a.attname)
		FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid JOIN pg_namespace tn ON tn.oid = t.relnamespace
			JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
		WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a'
			AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0) AS owned_by
FROM pg_class c
JOIN pg_sequence s ON s.seqrelid = c.oid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'S'
	AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
	AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
		AND (d.deptype = 'e' OR (d.deptype = 'i' AND d.refobjsubid > 0)))
