CREATE TABLE customers (id int PRIMARY KEY, region text) PARTITION BY RANGE (id);
CREATE TABLE customers_1 PARTITION OF customers FOR VALUES FROM (0) TO (1000);
CREATE TABLE invoices (id int PRIMARY KEY, customer int REFERENCES customers (id));
