CREATE TABLE orders (id int, status text DEFAULT 'new', total numeric NOT NULL, note text) PARTITION BY LIST (status);
CREATE TABLE orders_open PARTITION OF orders (note WITH OPTIONS DEFAULT 'open') FOR VALUES IN ('new', 'paid');
CREATE TABLE orders_closed PARTITION OF orders (status WITH OPTIONS DEFAULT 'done') FOR VALUES IN ('done');
