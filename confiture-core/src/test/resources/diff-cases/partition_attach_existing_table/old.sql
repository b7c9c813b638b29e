CREATE TABLE events (id int NOT NULL, kind text, at date DEFAULT '2025-01-01') PARTITION BY RANGE (id);
CREATE TABLE events_1 PARTITION OF events FOR VALUES FROM (0) TO (100);
CREATE TABLE events_archive (id int, kind text, at date);
