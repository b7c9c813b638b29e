CREATE TABLE t (id int, email text, active boolean, payload jsonb);
CREATE UNIQUE INDEX t_email_lower ON t (lower(email)) WHERE active;
CREATE INDEX t_id_include ON t (id) INCLUDE (email);
CREATE INDEX t_payload ON t USING gin (payload jsonb_path_ops);
CREATE INDEX t_desc ON t (id DESC NULLS LAST, email COLLATE "C");
