CREATE TABLE t (id int, a text, b text);
CREATE VIEW v1 WITH (security_barrier = true) AS SELECT id, a, b FROM t;
CREATE VIEW v2 AS SELECT id FROM v1 WHERE id > 0 WITH LOCAL CHECK OPTION;
