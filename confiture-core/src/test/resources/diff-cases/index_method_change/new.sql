CREATE TABLE t (id int, code text);
CREATE INDEX t_code ON t USING hash (code);
