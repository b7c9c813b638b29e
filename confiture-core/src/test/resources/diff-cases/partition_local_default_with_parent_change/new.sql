CREATE TABLE orders (id int, status text DEFAULT 'paid', total numeric, note text DEFAULT '') PARTITION BY LIST (status);
CREATE TABLE orders_open PARTITION OF orders (note WITH OPTIONS DEFAULT 'open', total NOT NULL) FOR VALUES IN ('new', 'paid');
CREATE TABLE orders_closed PARTITION OF orders (status WITH OPTIONS DEFAULT 'done') FOR VALUES IN ('done');
