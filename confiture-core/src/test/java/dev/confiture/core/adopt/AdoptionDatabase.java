package dev.confiture.core.adopt;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import dev.confiture.core.server.ScratchDatabase;

/**
 * SQL helpers for adoption tests.
 */
final class AdoptionDatabase {

	private AdoptionDatabase() {
	}

	static void execute(ScratchDatabase database, String sql) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static List<String> strings(ScratchDatabase database, String sql) {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				java.sql.ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A schema that a team built by hand over the years: every kind of object, in awkward
	 * orders.
	 */
	static final String HAND_MADE = """
			CREATE SCHEMA app;
			CREATE TYPE app.status AS ENUM ('draft', 'published', 'archived');
			CREATE DOMAIN app.email AS text CHECK (VALUE ~ '@');
			CREATE TYPE app.money_amount AS (amount numeric, currency char(3));
			CREATE SEQUENCE app.invoice_numbers START WITH 1000;
			CREATE FUNCTION app.slugify(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(value) $$;
			CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
			  NEW.updated_at = now();
			  RETURN NEW;
			END $$;
			CREATE TABLE app.users (
			  id serial PRIMARY KEY,
			  email app.email NOT NULL UNIQUE,
			  obsolete int,
			  status app.status NOT NULL DEFAULT 'draft',
			  updated_at timestamptz
			);
			ALTER TABLE app.users DROP COLUMN obsolete;
			ALTER TABLE app.users ADD COLUMN slug text GENERATED ALWAYS AS (app.slugify(email)) STORED;
			ALTER TABLE app.users ADD COLUMN display_name text;
			COMMENT ON TABLE app.users IS 'People who sign in';
			COMMENT ON COLUMN app.users.email IS 'Where we write to them';
			CREATE TRIGGER users_touch BEFORE UPDATE ON app.users FOR EACH ROW EXECUTE FUNCTION app.touch();
			CREATE TABLE app.a_orders (
			  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
			  user_id int NOT NULL,
			  number int NOT NULL DEFAULT nextval('app.invoice_numbers'),
			  total app.money_amount,
			  CONSTRAINT a_orders_user_fk FOREIGN KEY (user_id) REFERENCES app.users (id)
			);
			CREATE INDEX a_orders_user_idx ON app.a_orders (user_id) WHERE number > 0;
			CREATE TABLE app.nodes (id int PRIMARY KEY, parent_id int REFERENCES app.nodes (id), peer_id int);
			CREATE TABLE app.peers (id int PRIMARY KEY, node_id int REFERENCES app.nodes (id));
			ALTER TABLE app.nodes ADD CONSTRAINT nodes_peer_fk FOREIGN KEY (peer_id) REFERENCES app.peers (id);
			CREATE TABLE app.events (id int, at date NOT NULL, payload jsonb) PARTITION BY RANGE (at);
			CREATE TABLE app.events_2025 PARTITION OF app.events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
			CREATE INDEX events_at_idx ON app.events (at);
			CREATE FUNCTION app.active_users() RETURNS SETOF app.users LANGUAGE sql STABLE
			  AS $$ SELECT * FROM app.users WHERE status <> 'archived' $$;
			CREATE PROCEDURE app.archive(target int) LANGUAGE sql AS $$ UPDATE app.users SET status = 'archived' WHERE id = target $$;
			COMMENT ON FUNCTION app.slugify(text) IS 'URL-safe text';
			CREATE VIEW app.z_base AS SELECT id, email, slug FROM app.users;
			CREATE VIEW app.b_on_base AS SELECT id, app.slugify(email) AS handle FROM app.z_base;
			CREATE MATERIALIZED VIEW app.order_totals AS SELECT user_id, count(*) AS orders FROM app.a_orders GROUP BY user_id;
			CREATE UNIQUE INDEX order_totals_user_idx ON app.order_totals (user_id);
			ALTER TABLE app.a_orders ENABLE ROW LEVEL SECURITY;
			CREATE POLICY own_orders ON app.a_orders FOR SELECT USING (user_id = current_setting('app.user_id')::int);
			CREATE TABLE public.audit_log (id int, message text);
			CREATE TABLE public.flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50));
			""";

}
