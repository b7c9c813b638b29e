CREATE TYPE address AS (street text, city varchar(80), country text);
CREATE TABLE customer (id int, home address);
