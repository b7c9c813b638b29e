CREATE TABLE visits (id bigint NOT NULL, page text DEFAULT '/', at date) PARTITION BY LIST (page);
CREATE TABLE visits_home PARTITION OF visits FOR VALUES IN ('/');
CREATE TABLE visits_other (id bigint NOT NULL, page text, at date NOT NULL, referrer text);
