-- Functions and procedures (aggregates are left out), in signature order so that plans are the same on every read.
SELECT (pg_identify_object('pg_proc'::regclass, p.oid, 0)).identity AS signature, p.prokind = 'p' AS procedure,
	pg_get_function_arguments(p.oid) AS arguments,
	CASE WHEN p.prokind <> 'p' THEN pg_get_function_result(p.oid) END AS result,
	pg_get_functiondef(p.oid) AS definition
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE p.prokind IN ('f', 'p', 'w')
	AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
	AND NOT EXISTS (SELECT FROM pg_depend x WHERE x.classid = 'pg_proc'::regclass AND x.objid = p.oid AND x.deptype = 'e')
ORDER BY 1
