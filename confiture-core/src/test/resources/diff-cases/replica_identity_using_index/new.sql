CREATE TABLE accounts (id int NOT NULL, email text NOT NULL, login text NOT NULL);
CREATE UNIQUE INDEX accounts_email ON accounts (email);
CREATE UNIQUE INDEX accounts_login ON accounts (login);
ALTER TABLE accounts REPLICA IDENTITY USING INDEX accounts_login;
CREATE TABLE members (id int NOT NULL, code text NOT NULL, CONSTRAINT members_code_key UNIQUE (code),
	CONSTRAINT members_id_key UNIQUE (id));
ALTER TABLE members REPLICA IDENTITY USING INDEX members_id_key;
