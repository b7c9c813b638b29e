DROP INDEX customer_name_idx;
ALTER TABLE customer DROP COLUMN created_at;
