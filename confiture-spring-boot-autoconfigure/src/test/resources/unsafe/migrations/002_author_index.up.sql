SET lock_timeout = '5s';
ALTER TABLE author ALTER COLUMN name TYPE varchar(400);
CREATE INDEX author_name_lower ON author (lower(name));
