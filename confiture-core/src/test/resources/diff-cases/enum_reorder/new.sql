CREATE TYPE size AS ENUM ('small', 'medium', 'large');
CREATE TABLE shirt (id int, s size);
