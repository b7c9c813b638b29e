CREATE TYPE size AS ENUM ('small', 'large', 'medium');
CREATE TABLE shirt (id int, s size);
