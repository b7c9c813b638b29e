CREATE TABLE t (id int, qty int);
ALTER TABLE t ADD CONSTRAINT t_qty_positive CHECK (qty > 0) NOT VALID;
