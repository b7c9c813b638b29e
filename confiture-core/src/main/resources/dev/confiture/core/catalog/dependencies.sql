-- Dependencies between user objects, as "kind identity" pairs. Rules, defaults, row types,
-- array types and composite type attributes are mapped to the object they belong to.
-- Sequence ownership (OWNED BY) is left out: it is a property of the sequence.
SELECT (pg_identify_object(o.classid, o.objid, o.objsubid)).type || ' '
		|| (pg_identify_object(o.classid, o.objid, o.objsubid)).identity AS dependent,
	(pg_identify_object(r.classid, r.objid, r.objsubid)).type || ' '
		|| (pg_identify_object(r.classid, r.objid, r.objsubid)).identity AS referenced
FROM pg_depend dep
CROSS JOIN LATERAL (
	SELECT CASE WHEN k.relkind = 'c' THEN 'pg_type'::regclass::oid ELSE b.classid END AS classid,
		CASE WHEN k.relkind = 'c' THEN k.reltype ELSE b.objid END AS objid,
		CASE WHEN k.relkind IN ('c', 'v', 'm') THEN 0 ELSE b.objsubid END AS objsubid
	FROM (SELECT CASE WHEN dep.classid IN ('pg_rewrite'::regclass, 'pg_attrdef'::regclass)
				THEN 'pg_class'::regclass::oid ELSE dep.classid END AS classid,
			CASE dep.classid
				WHEN 'pg_rewrite'::regclass THEN (SELECT w.ev_class FROM pg_rewrite w WHERE w.oid = dep.objid)
				WHEN 'pg_attrdef'::regclass THEN (SELECT a.adrelid FROM pg_attrdef a WHERE a.oid = dep.objid)
				ELSE dep.objid END AS objid,
			CASE dep.classid
				WHEN 'pg_rewrite'::regclass THEN 0
				WHEN 'pg_attrdef'::regclass THEN (SELECT a.adnum FROM pg_attrdef a WHERE a.oid = dep.objid)
				ELSE dep.objsubid END AS objsubid) b
	LEFT JOIN pg_class k ON b.classid = 'pg_class'::regclass AND k.oid = b.objid
) o
CROSS JOIN LATERAL (
	SELECT CASE WHEN k.relkind = 'c' THEN 'pg_type'::regclass::oid ELSE b.classid END AS classid,
		CASE WHEN k.relkind = 'c' THEN k.reltype ELSE b.objid END AS objid,
		CASE WHEN k.relkind IN ('c', 'v', 'm') THEN 0 ELSE b.objsubid END AS objsubid
	FROM (SELECT CASE WHEN t.typrelid <> 0 THEN 'pg_class'::regclass::oid ELSE dep.refclassid END AS classid,
			CASE WHEN t.typrelid <> 0 THEN t.typrelid ELSE COALESCE(t.oid, dep.refobjid) END AS objid,
			CASE WHEN t.oid IS NOT NULL THEN 0 ELSE dep.refobjsubid END AS objsubid
		FROM (SELECT 1) one
		LEFT JOIN pg_type t ON dep.refclassid = 'pg_type'::regclass
			AND t.oid = COALESCE((SELECT e.oid FROM pg_type e WHERE e.typarray = dep.refobjid), dep.refobjid)) b
	LEFT JOIN pg_class k ON b.classid = 'pg_class'::regclass AND k.oid = b.objid
) r
WHERE dep.deptype IN ('n', 'a')
	AND dep.objid >= 16384
	AND dep.refobjid >= 16384
	AND dep.classid <> 'pg_type'::regclass
	AND NOT (dep.deptype = 'a' AND dep.classid = 'pg_class'::regclass AND dep.refobjsubid <> 0
		AND (SELECT c.relkind FROM pg_class c WHERE c.oid = dep.objid) = 'S')
