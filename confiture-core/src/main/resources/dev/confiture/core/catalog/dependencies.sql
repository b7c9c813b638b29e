-- Dependencies between user objects, as (classid, objid, objsubid) pairs; object-names.sql
-- names each distinct object once, since pg_identify_object is what costs time. Rules, defaults, row types,
-- array types and composite type attributes are mapped to the object they belong to.
-- Sequence ownership (OWNED BY) is left out: it is a property of the sequence.
SELECT o.classid AS oc, o.objid AS oo, o.objsubid AS os, r.classid AS rc, r.objid AS ro, r.objsubid AS rs
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
			-- array type to its element type; only for type references (pg_type has no index on typarray)
			AND t.oid = COALESCE(CASE WHEN dep.refclassid = 'pg_type'::regclass
				THEN (SELECT e.oid FROM pg_type e WHERE e.typarray = dep.refobjid) END, dep.refobjid)) b
	LEFT JOIN pg_class k ON b.classid = 'pg_class'::regclass AND k.oid = b.objid
) r
WHERE dep.deptype IN ('n', 'a')
	AND dep.objid >= 16384
	AND dep.refobjid >= 16384
	AND dep.classid <> 'pg_type'::regclass
	AND NOT (dep.deptype = 'a' AND dep.classid = 'pg_class'::regclass AND dep.refobjsubid <> 0
		AND (SELECT c.relkind FROM pg_class c WHERE c.oid = dep.objid) = 'S')
