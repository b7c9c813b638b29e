CREATE TABLE author (id int PRIMARY KEY);
CREATE TABLE book (id int PRIMARY KEY, author_id int REFERENCES author (id));
CREATE TABLE tag (id int PRIMARY KEY, book_id int REFERENCES book (id));
