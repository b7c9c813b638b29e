ALTER TABLE author ADD COLUMN owner_email TEXT;
