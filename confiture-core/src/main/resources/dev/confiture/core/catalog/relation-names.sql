-- The kind and identity of every user relation (OID 16384 and above), of its columns and of every table
-- constraint, exactly as pg_identify_object gives them, to name the ends of dependencies.sql by lookup:
-- pg_identify_object costs a catalog lookup per call. Other objects are named by object-names.sql.
WITH relations AS (
	SELECT k.oid,
		CASE k.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'table' WHEN 'i' THEN 'index' WHEN 'I' THEN 'index'
			WHEN 'S' THEN 'sequence' WHEN 't' THEN 'toast table' WHEN 'v' THEN 'view' WHEN 'm' THEN 'materialized view'
			WHEN 'c' THEN 'composite type' WHEN 'f' THEN 'foreign table' ELSE 'relation' END AS type,
		CASE WHEN k.relnamespace = pg_my_temp_schema() THEN 'pg_temp' ELSE quote_ident(n.nspname) END
			|| '.' || quote_ident(k.relname) AS identity
	FROM pg_class k
	JOIN pg_namespace n ON n.oid = k.relnamespace
	WHERE k.oid >= 16384
)
SELECT 'pg_class'::regclass::oid AS classid, r.oid AS objid, 0 AS objsubid, r.type, r.identity
FROM relations r
UNION ALL
SELECT 'pg_class'::regclass::oid, r.oid, a.attnum, r.type || ' column', r.identity || '.' || quote_ident(a.attname)
FROM relations r
JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum > 0 AND NOT a.attisdropped
UNION ALL
SELECT 'pg_constraint'::regclass::oid, x.oid, 0, 'table constraint', quote_ident(x.conname) || ' on ' || r.identity
FROM pg_constraint x
JOIN relations r ON r.oid = x.conrelid
WHERE x.oid >= 16384
