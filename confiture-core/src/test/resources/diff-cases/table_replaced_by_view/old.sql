CREATE TABLE summary (id int, total int);
CREATE TABLE line (id int, amount int);
