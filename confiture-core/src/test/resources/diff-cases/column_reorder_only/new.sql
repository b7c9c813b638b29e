CREATE TABLE t (b text, a text, id int);
