CREATE SCHEMA shop;
CREATE TYPE shop.state AS ENUM ('open', 'closed');
CREATE TABLE shop.store (id serial PRIMARY KEY, state shop.state NOT NULL DEFAULT 'open');
CREATE VIEW shop.open_stores AS SELECT id FROM shop.store WHERE state = 'open';
CREATE FUNCTION shop.count_open() RETURNS bigint LANGUAGE sql BEGIN ATOMIC SELECT count(*) FROM shop.open_stores; END;
