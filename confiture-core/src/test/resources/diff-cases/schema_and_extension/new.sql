CREATE SCHEMA app;
CREATE EXTENSION IF NOT EXISTS citext WITH SCHEMA public;
CREATE TABLE t (id int);
CREATE TABLE app.account (id int PRIMARY KEY, email citext NOT NULL);
CREATE VIEW app.account_emails AS SELECT email FROM app.account;
