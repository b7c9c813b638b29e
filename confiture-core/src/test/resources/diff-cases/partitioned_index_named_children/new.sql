CREATE TABLE metrics (name text, at timestamptz, value float8) PARTITION BY RANGE (at);
CREATE TABLE metrics_a PARTITION OF metrics FOR VALUES FROM ('2025-01-01') TO ('2025-07-01');
CREATE TABLE metrics_b PARTITION OF metrics FOR VALUES FROM ('2025-07-01') TO ('2026-01-01');
CREATE INDEX metrics_by_name ON ONLY metrics (name, at);
CREATE INDEX metrics_a_by_name ON metrics_a (name, at);
CREATE INDEX metrics_b_by_name ON metrics_b (name, at);
ALTER INDEX metrics_by_name ATTACH PARTITION metrics_a_by_name;
ALTER INDEX metrics_by_name ATTACH PARTITION metrics_b_by_name;
CREATE TABLE metrics_c PARTITION OF metrics FOR VALUES FROM ('2026-01-01') TO ('2026-07-01');
