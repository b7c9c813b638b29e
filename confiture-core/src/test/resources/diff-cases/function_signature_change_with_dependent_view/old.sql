CREATE TABLE price (id int, cents int);
CREATE FUNCTION euros(c int) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT c / 100.0 $$;
CREATE VIEW price_eur AS SELECT id, euros(cents) AS eur FROM price;
