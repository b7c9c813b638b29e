CREATE TABLE t (id int, status text DEFAULT 'open', n int DEFAULT 1);
