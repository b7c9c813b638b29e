CREATE TABLE line (id int, amount int);
CREATE VIEW summary AS SELECT id, sum(amount)::int AS total FROM line GROUP BY id;
