ALTER TABLE customer ADD COLUMN created_at TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX customer_name_idx ON customer (name);
