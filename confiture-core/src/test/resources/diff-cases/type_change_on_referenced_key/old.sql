CREATE TABLE account (id int PRIMARY KEY, name text);
CREATE TABLE entry (id int PRIMARY KEY, account_id int NOT NULL REFERENCES account (id));
CREATE INDEX entry_account ON entry (account_id);
