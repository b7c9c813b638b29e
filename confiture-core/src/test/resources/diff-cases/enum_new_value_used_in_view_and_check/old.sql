CREATE TYPE level AS ENUM ('low', 'high');
CREATE TABLE task (id int PRIMARY KEY, l level);
CREATE VIEW urgent AS SELECT id FROM task WHERE l = 'high';
