CREATE TABLE orders (id bigserial NOT NULL, placed date NOT NULL, ref serial, PRIMARY KEY (id, placed))
	PARTITION BY RANGE (placed);
CREATE TABLE orders_2025 PARTITION OF orders FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE order_notes (id bigserial PRIMARY KEY, body text);
