CREATE TABLE n (v int);
