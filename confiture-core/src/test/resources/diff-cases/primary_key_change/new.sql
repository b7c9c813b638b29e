CREATE TABLE a (id int, code text NOT NULL, PRIMARY KEY (id, code));
CREATE TABLE b (a_id int);
