CREATE TYPE level AS ENUM ('low', 'high', 'critical');
CREATE TABLE task (id int PRIMARY KEY, l level, CONSTRAINT task_not_critical_without_id CHECK (l <> 'critical' OR id > 0));
CREATE VIEW urgent AS SELECT id FROM task WHERE l IN ('high', 'critical');
CREATE INDEX task_critical ON task (id) WHERE l = 'critical';
