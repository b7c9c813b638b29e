CREATE COLLATION sortable (provider = libc, locale = 'POSIX');
CREATE TABLE word (id int, w text COLLATE sortable DEFAULT 'a');
CREATE INDEX word_w ON word (w);
CREATE VIEW sorted_words AS SELECT w FROM word ORDER BY w;
