CREATE TABLE account (id bigint PRIMARY KEY, name text);
CREATE TABLE entry (id int PRIMARY KEY, account_id bigint NOT NULL REFERENCES account (id));
CREATE INDEX entry_account ON entry (account_id);
