CREATE TABLE orders (id int PRIMARY KEY, amount numeric(12,2) NOT NULL DEFAULT 0, note text);
CREATE VIEW big_orders AS SELECT id, amount FROM orders WHERE amount > 100;
CREATE VIEW big_order_count AS SELECT count(*) AS n FROM big_orders;
COMMENT ON VIEW big_orders IS 'orders over 100';
