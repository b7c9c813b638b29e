CREATE TABLE a (id int PRIMARY KEY);
CREATE TABLE t (id int, qty int, a_id int);
ALTER TABLE t ADD CONSTRAINT t_qty_positive CHECK (qty > 0);
ALTER TABLE t ADD CONSTRAINT t_a_fk FOREIGN KEY (a_id) REFERENCES a (id);
