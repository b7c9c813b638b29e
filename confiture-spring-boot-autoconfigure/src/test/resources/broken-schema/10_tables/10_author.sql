CREATE TABLE author (id int PRIMARY KEY);

CREATE TABLE book (id int, author_id int REFERENCES nowhere (id));
