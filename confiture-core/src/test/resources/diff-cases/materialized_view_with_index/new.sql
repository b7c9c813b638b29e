CREATE TABLE sale (id int, region text, amount bigint);
CREATE MATERIALIZED VIEW sale_by_region AS SELECT region, sum(amount) AS total, count(*) AS n FROM sale GROUP BY region;
CREATE UNIQUE INDEX sale_by_region_key ON sale_by_region (region);
