-- Indexes of partitions attached to an index of their parent.
SELECT (pg_identify_object('pg_class'::regclass, h.inhrelid, 0)).identity AS index_name,
	(pg_identify_object('pg_class'::regclass, h.inhparent, 0)).identity AS parent_name,
	(pg_identify_object('pg_class'::regclass, i.indrelid, 0)).identity AS table_name
FROM pg_inherits h
JOIN pg_class c ON c.oid = h.inhrelid AND c.relkind IN ('i', 'I')
JOIN pg_index i ON i.indexrelid = h.inhrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_%'
