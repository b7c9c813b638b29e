CREATE TABLE tickets (id int NOT NULL, queue text NOT NULL, title text) PARTITION BY LIST (queue);
CREATE TABLE tickets_ops PARTITION OF tickets FOR VALUES IN ('ops');
CREATE TABLE tickets_dev PARTITION OF tickets FOR VALUES IN ('dev');
ALTER TABLE tickets_ops ADD CONSTRAINT tickets_ops_pk PRIMARY KEY (id, queue);
CREATE UNIQUE INDEX tickets_dev_title ON tickets_dev (title, queue);
ALTER TABLE tickets ADD CONSTRAINT tickets_pkey PRIMARY KEY (id, queue);
CREATE UNIQUE INDEX tickets_title ON tickets (title, queue);
