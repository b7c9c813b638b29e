CREATE TABLE sessions (id uuid NOT NULL, region text NOT NULL, started timestamptz DEFAULT now(),
	PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE INDEX sessions_started ON sessions (started);
CREATE TABLE sessions_eu PARTITION OF sessions FOR VALUES IN ('eu');
CREATE TABLE sessions_us (id uuid NOT NULL, region text NOT NULL, started timestamptz, ended timestamptz,
	CONSTRAINT sessions_us_pkey PRIMARY KEY (id, region));
