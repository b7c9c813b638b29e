CREATE TABLE t (id int NOT NULL, code text, x int);
