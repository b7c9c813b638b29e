CREATE TABLE orders (id int PRIMARY KEY, amount int NOT NULL DEFAULT 0, note varchar(20));
CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100;
CREATE VIEW big_order_count AS SELECT count(*) AS n FROM big_orders;
COMMENT ON VIEW big_orders IS 'orders over 100';
