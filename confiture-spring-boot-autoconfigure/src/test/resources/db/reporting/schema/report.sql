CREATE TABLE report (id bigint PRIMARY KEY, title text NOT NULL);
INSERT INTO report VALUES (1, 'monthly');
