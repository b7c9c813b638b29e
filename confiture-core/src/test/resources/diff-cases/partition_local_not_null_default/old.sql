CREATE TABLE measurements (id int, reading int DEFAULT 1, unit text, taken date) PARTITION BY RANGE (id);
CREATE TABLE measurements_1 PARTITION OF measurements FOR VALUES FROM (0) TO (100);
CREATE TABLE measurements_2 PARTITION OF measurements (unit WITH OPTIONS DEFAULT 'kg') FOR VALUES FROM (100) TO (200);
