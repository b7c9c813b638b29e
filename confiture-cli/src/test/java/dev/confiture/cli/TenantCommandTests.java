package dev.confiture.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.cli.CliRunner.Result;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code confiture tenant create|list} and
 * {@code migrate up|status|verify --all-tenants}.
 */
class TenantCommandTests {

	@TempDir
	Path project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() {
		this.database = PostgresServers.shared().createDatabase();
		write("db/schema/10_tables/accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric);");
		write("db/migrations/001_accounts.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric);");
		write("db/environments/local.yaml",
				"name: local\nincludes: [../schema]\ndatabase_url: " + this.database.settings().jdbcUrl() + "?user="
						+ this.database.settings().user() + "\ntenants:\n  schemas:\n    like: tenant\\_%\n");
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void createMigrateAndReportEveryTenant() throws SQLException {
		for (String name : new String[] { "tenant_a", "tenant_b", "tenant_c" }) {
			Result created = run("tenant", "create", name);
			assertThat(created.exitCode()).as(created.toString()).isZero();
			assertThat(created.out()).contains("Created tenant " + name).contains("1 migration(s) recorded as applied");
		}
		execute("INSERT INTO tenant_b.accounts VALUES (1, -1)");
		write("db/migrations/002_positive.up.sql",
				"ALTER TABLE accounts ADD CONSTRAINT positive CHECK (balance >= 0);");
		Result status = run("migrate", "status", "--all-tenants");
		assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
		assertThat(status.out()).containsPattern("tenant_a\\s+pending\\s+001");
		Result up = run("migrate", "up", "--all-tenants", "--parallel", "2");
		assertThat(up.exitCode()).as(up.toString()).isEqualTo(1);
		assertThat(up.out()).containsPattern("tenant_a\\s+migrated\\s+002\\s+002")
			.containsPattern("tenant_b\\s+failed\\s+001")
			.contains("tenant_b: Migration 002_positive failed")
			.contains("db/migrations/002_positive.up.sql:1")
			.contains("3 tenant(s) in")
			.contains("Not up to date: tenant_b");
		assertThat(up.err()).contains("[3/3]");
		execute("UPDATE tenant_b.accounts SET balance = 0");
		Result json = run("migrate", "up", "--all-tenants", "--format", "json");
		assertThat(json.exitCode()).as(json.toString()).isZero();
		assertThat(json.out()).contains("\"ok\" : true")
			.contains("\"migrated\" : 1")
			.contains("\"up-to-date\" : 2")
			.contains("\"appliedVersions\" : [ \"002\" ]");
		assertThat(JsonShape.of(json.out(), "")).containsExactly("ok boolean", "action string", "durationMs number",
				"counts object", "tenants array");
		assertThat(JsonShape.of(json.out(), "/tenants/0")).containsExactly("tenant string", "server string",
				"state string", "currentVersion string", "appliedVersions array", "pendingVersions array",
				"differences array", "durationMs number", "error null", "hint null");
		Result list = run("tenant", "list");
		assertThat(list.exitCode()).as(list.toString()).isZero();
		assertThat(list.out()).containsPattern("tenant_c\\s+up-to-date\\s+002");
		write("db/schema/10_tables/accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric,"
				+ " CONSTRAINT positive CHECK (balance >= 0));");
		Result verify = run("migrate", "verify", "--all-tenants", "--tenant", "tenant_a", "--tenant", "tenant_c");
		assertThat(verify.exitCode()).as(verify.toString()).isZero();
		assertThat(verify.out()).contains("2 tenant(s) in").doesNotContain("tenant_b");
		Result created = run("tenant", "create", "tenant_d", "--format", "json");
		assertThat(created.exitCode()).as(created.toString()).isZero();
		assertThat(JsonShape.of(created.out(), "")).containsExactly("ok boolean", "tenant string", "created boolean",
				"schemaFiles number", "seedFiles number", "statements number", "baselinedMigrations array",
				"durationMs number");
		assertThat(created.out()).contains("\"tenant\" : \"tenant_d\"",
				"\"baselinedMigrations\" : [ \"001\", \"002\" ]");
		Result jsonList = run("tenant", "list", "--format", "json");
		assertThat(JsonShape.of(jsonList.out(), "")).containsExactly("ok boolean", "action string", "durationMs number",
				"counts object", "tenants array");
		assertThat(jsonList.out()).contains("\"action\" : \"status\"", "\"up-to-date\" : 4");
	}

	@Test
	void badInputRunsNothing() throws SQLException {
		run("tenant", "create", "tenant_a");
		write("db/migrations/002_log.up.sql", "CREATE TABLE log (id int);");
		Result zero = run("migrate", "up", "--all-tenants", "--parallel", "0");
		assertThat(zero.exitCode()).isEqualTo(5);
		assertThat(zero.err()).contains("--parallel must be from 1 to 256, not 0");
		Result perServer = run("migrate", "up", "--all-tenants", "--max-per-server", "0");
		assertThat(perServer.exitCode()).isEqualTo(5);
		assertThat(perServer.err()).contains("--max-per-server must be from 1 to 256, not 0");
		Result unknown = run("migrate", "up", "--all-tenants", "--tenant", "tenant_x");
		assertThat(unknown.exitCode()).isEqualTo(5);
		assertThat(unknown.err()).contains("Unknown tenant tenant_x").contains("tenant_a");
		Result both = run("migrate", "up", "--all-tenants", "--fail-fast", "--continue");
		assertThat(both.exitCode()).isEqualTo(5);
		Result steps = run("migrate", "up", "--all-tenants", "--steps", "1");
		assertThat(steps.exitCode()).isEqualTo(5);
		assertThat(steps.err()).contains("does not take --dry-run, --target or --steps");
		Result existing = run("tenant", "create", "tenant_a");
		assertThat(existing.exitCode()).isEqualTo(4);
		assertThat(existing.err()).contains("already exists");
		assertThat(count("SELECT count(*) FROM pg_tables WHERE tablename = 'log'")).isZero();
	}

	private Result run(String... args) {
		String[] all = new String[args.length + 2];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--project-dir";
		all[args.length + 1] = this.project.toString();
		return CliRunner.run(all);
	}

	private void write(String path, String content) {
		try {
			Path file = this.project.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private long count(String sql) throws SQLException {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

}
