CREATE TABLE t (id int, qty int);
