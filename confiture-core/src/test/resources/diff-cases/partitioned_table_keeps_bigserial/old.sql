CREATE TABLE orders (id bigserial NOT NULL, placed date NOT NULL, ref serial, PRIMARY KEY (id, placed));
CREATE TABLE order_notes (id bigserial PRIMARY KEY, body text);
