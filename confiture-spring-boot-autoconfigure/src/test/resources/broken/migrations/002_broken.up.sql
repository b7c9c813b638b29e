CREATE TABLE review (id int);

ALTER TABLE book ADD COLUMN rating int REFERENCES nowhere (id);
