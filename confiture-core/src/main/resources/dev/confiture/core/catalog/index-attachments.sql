-- Indexes of partitions attached to an index of their parent.
SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS index_name, quote_ident(pn.nspname) || '.' || quote_ident(p.relname) AS parent_name
FROM pg_inherits h
JOIN pg_class c ON c.oid = h.inhrelid AND c.relkind IN ('i', 'I')
JOIN pg_index i ON i.indexrelid = h.inhrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_class p ON p.oid = h.inhparent
JOIN pg_namespace pn ON pn.oid = p.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
