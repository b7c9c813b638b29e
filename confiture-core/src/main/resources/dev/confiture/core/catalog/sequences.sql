-- Sequences, without identity sequences (those belong to their column).
SELECT (pg_identify_object('pg_class'::regclass, c.oid, 0)).identity AS name,
	format_type(s.seqtypid, NULL) AS data_type, s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache, s.seqcycle,
	(SELECT (pg_identify_object(d.refclassid, d.refobjid, d.refobjsubid)).identity FROM pg_depend d
		WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'a'
			AND d.refclassid = 'pg_class'::regclass AND d.refobjsubid > 0) AS owned_by
FROM pg_class c
JOIN pg_sequence s ON s.seqrelid = c.oid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE c.relkind = 'S'
	AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
	AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
		AND (d.deptype = 'e' OR (d.deptype = 'i' AND d.refobjsubid > 0)))
