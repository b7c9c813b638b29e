CREATE TYPE address AS (street text, city text, zip int);
CREATE TABLE customer (id int, home address);
