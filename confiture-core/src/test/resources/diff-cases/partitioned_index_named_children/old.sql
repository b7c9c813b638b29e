CREATE TABLE metrics (name text, at timestamptz, value float8) PARTITION BY RANGE (at);
CREATE TABLE metrics_a PARTITION OF metrics FOR VALUES FROM ('2025-01-01') TO ('2025-07-01');
CREATE TABLE metrics_b PARTITION OF metrics FOR VALUES FROM ('2025-07-01') TO ('2026-01-01');
CREATE INDEX metrics_b_by_name ON metrics_b (name, at);
