CREATE TABLE note (id int, owner text, body text);
