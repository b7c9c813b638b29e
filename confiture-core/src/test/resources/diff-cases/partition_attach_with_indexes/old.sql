CREATE TABLE shipments (id int NOT NULL, carrier text NOT NULL, sent date) PARTITION BY LIST (carrier);
ALTER TABLE shipments ADD CONSTRAINT shipments_pkey PRIMARY KEY (id, carrier);
CREATE INDEX shipments_sent ON shipments (sent);
CREATE TABLE shipments_ups PARTITION OF shipments FOR VALUES IN ('ups');
CREATE TABLE shipments_old (id int NOT NULL, carrier text NOT NULL, sent date, CONSTRAINT shipments_old_pk PRIMARY KEY (id, carrier));
