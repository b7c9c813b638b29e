CREATE TABLE t (id int, email text, active boolean, payload jsonb);
