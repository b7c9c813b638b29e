package dev.confiture.core.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reading the structure of one schema (from the schema's entries in {@code pg_depend})
 * finds what reading the whole database (scanning {@code pg_class} and {@code pg_proc})
 * finds in that schema.
 */
class StructureTests {

	@Test
	void oneSchemaReadsWhatTheWholeDatabaseHasInIt() throws SQLException {
		try (ScratchDatabase database = PostgresServers.shared().createDatabase();
				Connection connection = database.connect();
				Statement statement = connection.createStatement()) {
			statement.execute("""
					CREATE SCHEMA tenant_x;
					CREATE TYPE tenant_x.pair AS (amount numeric, currency text);
					CREATE TABLE tenant_x.accounts (id bigserial PRIMARY KEY, owner text UNIQUE,
					  balance numeric NOT NULL DEFAULT 0, total tenant_x.pair);
					CREATE INDEX accounts_balance ON tenant_x.accounts (balance);
					CREATE SEQUENCE tenant_x.numbers;
					CREATE TABLE tenant_x.events (id bigint, at date NOT NULL) PARTITION BY RANGE (at);
					CREATE TABLE tenant_x.events_2026 PARTITION OF tenant_x.events
					  FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
					CREATE VIEW tenant_x.rich AS SELECT id FROM tenant_x.accounts WHERE balance > 100;
					CREATE MATERIALIZED VIEW tenant_x.totals AS SELECT sum(balance) AS total FROM tenant_x.accounts;
					CREATE FUNCTION tenant_x.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
					CREATE PROCEDURE tenant_x.noop() LANGUAGE sql AS $$ SELECT 1 $$;
					CREATE TRIGGER accounts_touch BEFORE UPDATE ON tenant_x.accounts
					  FOR EACH ROW EXECUTE FUNCTION tenant_x.touch();
					CREATE TABLE tenant_x.confiture_migrations (version text);
					CREATE SCHEMA tenant_y;
					CREATE TABLE tenant_y.moved (id int);
					ALTER TABLE tenant_y.moved SET SCHEMA tenant_x;
					""");
			Set<String> oneSchema = Structure.read(connection, "tenant_x");
			Set<String> wholeDatabase = Structure.read(connection, null)
				.stream()
				.map((line) -> line.replace("tenant_x.", ""))
				.collect(Collectors.toSet());
			assertThat(oneSchema).contains("relation pair c", "relation accounts r", "relation accounts_id_seq S",
					"relation numbers S", "relation events p", "relation events_2026 r", "relation rich v",
					"relation totals m", "relation moved r", "column pair.currency text",
					"index CREATE INDEX accounts_balance ON accounts USING btree (balance)");
			assertThat(oneSchema).anyMatch((line) -> line.startsWith("routine touch() "))
				.anyMatch((line) -> line.startsWith("routine noop() "))
				.anyMatch((line) -> line.startsWith("trigger accounts CREATE TRIGGER accounts_touch"))
				.anyMatch((line) -> line.startsWith("constraint accounts accounts_owner_key UNIQUE"))
				.noneMatch((line) -> line.contains("confiture_migrations"))
				.noneMatch((line) -> line.contains("accounts_pkey ON"));
			assertThat(oneSchema).containsExactlyInAnyOrderElementsOf(wholeDatabase);
		}
	}

}
