CREATE TABLE t (id int, b text, c int, a text);
