CREATE TABLE book (id int PRIMARY KEY, author_id int);
