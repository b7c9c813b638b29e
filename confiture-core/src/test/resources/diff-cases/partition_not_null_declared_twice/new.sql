CREATE TABLE jobs (id int NOT NULL, queue text NOT NULL, owner text) PARTITION BY LIST (queue);
CREATE TABLE jobs_fast PARTITION OF jobs FOR VALUES IN ('fast');
CREATE TABLE jobs_slow PARTITION OF jobs (owner WITH OPTIONS NOT NULL) FOR VALUES IN ('slow');
CREATE TABLE jobs_bulk PARTITION OF jobs FOR VALUES IN ('bulk');
