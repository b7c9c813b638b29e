CREATE TABLE products (id int, kind text, PRIMARY KEY (id, kind)) PARTITION BY LIST (kind);
CREATE TABLE products_book PARTITION OF products FOR VALUES IN ('book') PARTITION BY RANGE (id);
CREATE TABLE products_book_1 PARTITION OF products_book FOR VALUES FROM (0) TO (100);
CREATE TABLE lines (id int, product int, kind text, FOREIGN KEY (product, kind) REFERENCES products) PARTITION BY HASH (id);
CREATE TABLE lines_0 PARTITION OF lines FOR VALUES WITH (MODULUS 1, REMAINDER 0);
