CREATE TABLE jobs (id int NOT NULL, queue text NOT NULL, owner text NOT NULL) PARTITION BY LIST (queue);
CREATE TABLE jobs_fast PARTITION OF jobs (owner WITH OPTIONS NOT NULL) FOR VALUES IN ('fast');
CREATE TABLE jobs_slow PARTITION OF jobs FOR VALUES IN ('slow');
CREATE TABLE jobs_bulk (id int NOT NULL, queue text NOT NULL, owner text NOT NULL);
ALTER TABLE jobs ATTACH PARTITION jobs_bulk FOR VALUES IN ('bulk');
