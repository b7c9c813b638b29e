CREATE TABLE events (id bigint NOT NULL, kind text NOT NULL, at timestamptz) PARTITION BY LIST (kind);
CREATE TABLE events_click PARTITION OF events FOR VALUES IN ('click');
