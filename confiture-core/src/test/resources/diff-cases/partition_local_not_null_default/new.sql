CREATE TABLE measurements (id int, reading int DEFAULT 1, unit text, taken date) PARTITION BY RANGE (id);
CREATE TABLE measurements_1 PARTITION OF measurements (reading WITH OPTIONS NOT NULL DEFAULT 5, unit DEFAULT 'm')
	FOR VALUES FROM (0) TO (100);
CREATE TABLE measurements_2 PARTITION OF measurements FOR VALUES FROM (100) TO (200);
CREATE TABLE measurements_3 PARTITION OF measurements (taken NOT NULL DEFAULT current_date) FOR VALUES FROM (200) TO (300);
ALTER TABLE measurements_3 ALTER COLUMN reading DROP DEFAULT;
