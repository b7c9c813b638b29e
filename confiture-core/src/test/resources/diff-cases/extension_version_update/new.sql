CREATE EXTENSION citext VERSION '1.6';
CREATE TABLE t (id int, email citext);
