CREATE TABLE payments (id bigint NOT NULL, day date NOT NULL, amount numeric) PARTITION BY RANGE (day);
CREATE TABLE payments_2025 PARTITION OF payments FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE UNIQUE INDEX payments_2025_uidx ON payments_2025 (id, day);
