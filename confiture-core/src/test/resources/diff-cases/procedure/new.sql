CREATE TABLE audit (id int, msg text);
CREATE PROCEDURE log_msg(m text) LANGUAGE sql BEGIN ATOMIC INSERT INTO audit (id, msg) VALUES (0, m); END;
CREATE PROCEDURE purge() LANGUAGE plpgsql AS $$ BEGIN DELETE FROM audit; END $$;
