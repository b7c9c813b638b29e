CREATE TYPE mood AS ENUM ('sad', 'happy');
CREATE TABLE person (id int, m mood DEFAULT 'sad');
