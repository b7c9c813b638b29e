SET lock_timeout = '5s';
ALTER TABLE author ADD COLUMN nickname text;
CREATE INDEX author_name_lower ON author (lower(name));
