-- Row level security policies.
SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS table_name, quote_ident(p.polname) AS name,
	p.polpermissive, p.polcmd::text AS command,
	CASE WHEN p.polroles = '{0}' THEN 'PUBLIC' ELSE (SELECT string_agg(quote_ident(r.rolname), ', ' ORDER BY r.rolname)
		FROM pg_roles r WHERE r.oid = ANY (p.polroles)) END AS roles,
	pg_get_expr(p.polqual, p.polrelid) AS using_expression,
	pg_get_expr(p.polwithcheck, p.polrelid) AS check_expression
FROM pg_policy p
JOIN pg_class c ON c.oid = p.polrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
