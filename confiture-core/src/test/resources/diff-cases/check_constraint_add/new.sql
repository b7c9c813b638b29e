CREATE TABLE t (id int, qty int CHECK (qty >= 0), CONSTRAINT t_id_check CHECK (id > 0));
