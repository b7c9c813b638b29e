-- Comments on user objects (not on extensions or their members).
SELECT o.type, o.identity, d.description
FROM pg_description d
CROSS JOIN LATERAL pg_identify_object(d.classoid, d.objoid, d.objsubid) o
WHERE d.objoid >= 16384 AND d.classoid <> 'pg_extension'::regclass
	AND NOT EXISTS (SELECT FROM pg_depend x WHERE x.classid = d.classoid AND x.objid = d.objoid AND x.deptype = 'e')
UNION ALL
SELECT 'schema', quote_ident(n.nspname), d.description
FROM pg_description d
JOIN pg_namespace n ON n.oid = d.objoid
WHERE d.classoid = 'pg_namespace'::regclass AND d.objoid < 16384 AND n.nspname = 'public'
