CREATE TABLE t (id int, email text);
CREATE INDEX t_email ON t (email);
