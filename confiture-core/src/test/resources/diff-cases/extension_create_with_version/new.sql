CREATE EXTENSION hstore VERSION '1.5';
CREATE TABLE t (id int, attrs hstore);
