CREATE TABLE items (id int NOT NULL, sku text NOT NULL, shop int NOT NULL);
CREATE UNIQUE INDEX items_key ON items (shop, sku);
ALTER TABLE items REPLICA IDENTITY USING INDEX items_key;
CREATE TABLE stock (id bigint NOT NULL, CONSTRAINT stock_pk PRIMARY KEY (id));
ALTER TABLE stock REPLICA IDENTITY FULL;
