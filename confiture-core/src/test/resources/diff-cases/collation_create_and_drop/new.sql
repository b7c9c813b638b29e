CREATE SCHEMA text_rules;
CREATE COLLATION text_rules.posix_sort (provider = libc, lc_collate = 'POSIX', lc_ctype = 'POSIX');
CREATE TABLE t (id int, code text);
CREATE TABLE label (id int, name text COLLATE text_rules.posix_sort, CONSTRAINT label_name_key UNIQUE (name));
