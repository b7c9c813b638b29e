CREATE COLLATION legacy (provider = libc, locale = 'C');
CREATE TABLE t (id int, code text COLLATE legacy);
