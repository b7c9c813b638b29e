CREATE TYPE old_state AS ENUM ('on', 'off');
CREATE TYPE new_state AS ENUM ('on', 'off', 'unknown');
CREATE TABLE device (id int PRIMARY KEY, state old_state DEFAULT 'off');
CREATE VIEW device_on AS SELECT id, state FROM device WHERE state = 'on';
