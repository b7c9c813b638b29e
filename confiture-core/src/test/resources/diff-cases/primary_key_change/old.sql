CREATE TABLE a (id int PRIMARY KEY, code text NOT NULL);
CREATE TABLE b (a_id int REFERENCES a (id));
