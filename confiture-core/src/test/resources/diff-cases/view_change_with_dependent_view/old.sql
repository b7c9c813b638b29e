CREATE TABLE t (id int, a text, b text);
CREATE VIEW v1 AS SELECT id, a FROM t;
CREATE VIEW v2 AS SELECT id FROM v1 WHERE id > 0;
