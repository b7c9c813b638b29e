CREATE TABLE price (id int, cents int);
CREATE FUNCTION euros(c bigint, rate numeric DEFAULT 1) RETURNS numeric LANGUAGE sql IMMUTABLE AS $$ SELECT c * rate / 100.0 $$;
CREATE VIEW price_eur AS SELECT id, euros(cents) AS eur FROM price;
