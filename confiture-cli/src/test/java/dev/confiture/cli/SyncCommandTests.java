package dev.confiture.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.cli.CliRunner.Result;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class SyncCommandTests {

	static final String SCHEMA = "CREATE TABLE users (id int PRIMARY KEY, email text, plan text);"
			+ " CREATE TABLE events (id int, user_id int REFERENCES users, kind text);";

	@TempDir
	Path project;

	ScratchDatabase production;

	ScratchDatabase local;

	@BeforeEach
	void setUp() throws Exception {
		this.production = PostgresServers.shared().createDatabase();
		this.local = PostgresServers.shared().createDatabase();
		execute(this.production, SCHEMA + " INSERT INTO users VALUES (1, 'alice@private.example', 'pro'),"
				+ " (2, 'bob@private.example', 'free'); INSERT INTO events VALUES (1, 1, 'login'), (2, 2, 'logout');"
				+ " ANALYZE;");
		execute(this.local, SCHEMA);
		Files.createDirectories(this.project.resolve("db/environments"));
		Files.createDirectories(this.project.resolve("db/sync"));
		Files.createDirectories(this.project.resolve("db/schema"));
		Files.writeString(this.project.resolve("db/environments/production.yaml"),
				"database_url: " + url(this.production) + "\nprotected: true\ninclude_dirs: [db/schema]\n");
		Files.writeString(this.project.resolve("db/environments/local.yaml"),
				"database_url: " + url(this.local) + "\ninclude_dirs: [db/schema]\n");
	}

	@AfterEach
	void tearDown() {
		this.production.close();
		this.local.close();
	}

	@Test
	void copiesBetweenEnvironmentsWithTheDefaultRulesAndPrintsATable() throws Exception {
		Files.writeString(this.project.resolve("db/sync/anonymize.yaml"),
				"tables:\n  users:\n    email: {fixed: someone@example.com}\n");
		Result result = run("sync", "--from", "production", "--to", "local");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("Copying from environment production")
			.contains("into environment local")
			.contains("public.users")
			.contains("public.events")
			.contains("Copied 4 rows");
		assertThat(result.out() + result.err()).doesNotContain("private.example").doesNotContain("login");
		assertThat(query(this.local, "SELECT email FROM users ORDER BY id")).containsOnly("someone@example.com");
		assertThat(query(this.local, "SELECT kind FROM events ORDER BY id")).containsExactly("login", "logout");
	}

	@Test
	void dryRunPrintsThePlanAndJsonReportsEachTable() {
		Result dryRun = run("sync", "--from", "production", "--to", "local", "--dry-run");
		assertThat(dryRun.exitCode()).as(dryRun.toString()).isZero();
		assertThat(dryRun.out()).contains("Dry run: nothing is copied")
			.contains("1. public.users  ~2 rows")
			.contains("2. public.events  ~2 rows");
		assertThat(dryRun.err())
			.contains("Warning: 1 column look personal and have no anonymisation rule: " + "public.users.email");
		assertThat(query(this.local, "SELECT count(*) FROM users")).containsExactly("0");
		Result json = run("sync", "--from", "production", "--to", "local", "--tables", "users", "--format", "json");
		assertThat(json.exitCode()).as(json.toString()).isZero();
		assertThat(json.out()).contains("\"ok\" : true")
			.contains("\"name\" : \"public.users\"")
			.contains("\"rows\" : 2")
			.doesNotContain("private.example");
		assertThat(JsonShape.of(json.out(), "")).containsExactly("ok boolean", "dryRun boolean", "source string",
				"target string", "mode string", "plan array", "tables array", "rows number", "bytes number",
				"durationMs number", "warnings array");
		assertThat(JsonShape.of(json.out(), "/tables/0")).containsExactly("name string", "rows number", "bytes number",
				"durationMs number", "rowsPerSecond number", "skipped boolean");
	}

	@Test
	void aProtectedEnvironmentIsNeverATarget() {
		Result result = run("sync", "--from", "local", "--to", "production");
		assertThat(result.exitCode()).isEqualTo(5);
		assertThat(result.err()).contains("Refusing to write environment production").contains("protected");
		assertThat(query(this.production, "SELECT count(*) FROM users")).containsExactly("2");
	}

	@Test
	void differentTablesExitWith4AndCopyNothing() {
		execute(this.local, "ALTER TABLE users ADD COLUMN nickname text");
		Result result = run("sync", "--from", "production", "--to", "local", "--format", "json");
		assertThat(result.exitCode()).isEqualTo(4);
		assertThat(result.out()).contains("\"ok\" : false").contains("column nickname exists only on the target");
		assertThat(query(this.local, "SELECT count(*) FROM users")).containsExactly("0");
	}

	@Test
	void aFailureShowsNoValueFromTheDataInTextOrJson() {
		execute(this.production, "INSERT INTO events VALUES (3, 1, 'login')");
		execute(this.local, "CREATE UNIQUE INDEX events_kind ON events (kind)");
		for (String format : List.of("text", "json")) {
			Result result = run("sync", "--from", "production", "--to", "local", "--format", format);
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
			assertThat(result.out() + result.err()).contains("Copying public.events failed")
				.contains("23505")
				.contains("events_kind")
				.doesNotContain("login")
				.doesNotContain("private.example");
			assertThat(query(this.local, "SELECT count(*) FROM events")).containsExactly("0");
		}
		assertThat(query(this.local, "SELECT count(*) FROM users")).containsExactly("2");
	}

	@Test
	void badWhereIsAUsageError() {
		Result result = run("sync", "--from", "production", "--to", "local", "--where", "users");
		assertThat(result.exitCode()).isEqualTo(5);
		assertThat(result.err()).contains("--where 'users' is not TABLE:CONDITION");
	}

	@Test
	void schemaToSchemaBuildsTheNewDatabaseAndCopiesThroughTheMapping() throws Exception {
		ScratchDatabase next = PostgresServers.shared().createDatabase();
		try {
			Files.writeString(this.project.resolve("db/schema/accounts.sql"),
					"CREATE TABLE accounts (id int PRIMARY KEY, contact text NOT NULL, tier text DEFAULT 'free');\n");
			Files.writeString(this.project.resolve("db/environments/next.yaml"),
					"database_url: " + url(next) + "\ninclude_dirs: [db/schema]\n");
			Files.writeString(this.project.resolve("mapping.yaml"),
					"tables:\n  accounts:\n    from: users\n    columns:\n      id: id\n      contact: email\n"
							+ "      tier: {sql: upper(plan)}\n");
			Result result = run("migrate", "schema-to-schema", "--from", "production", "--to", "next", "--mapping",
					"mapping.yaml", "--verify");
			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.out())
				.contains("public.accounts <- SELECT public.users.id, public.users.email, (upper(plan))")
				.contains("verify public.accounts")
				.contains("ok: 2 source rows, 2 target rows, key id");
			assertThat(query(next, "SELECT id || ' ' || tier FROM accounts ORDER BY id")).containsExactly("1 PRO",
					"2 FREE");
			Result again = run("migrate", "schema-to-schema", "--from", "production", "--to", "next", "--mapping",
					"mapping.yaml", "--format", "json");
			assertThat(again.exitCode()).isEqualTo(4);
			assertThat(again.out()).contains("\"ok\" : false");
		}
		finally {
			next.close();
		}
	}

	private Result run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--project-dir");
		all.add(this.project.toString());
		return CliRunner.run(all.toArray(String[]::new));
	}

	private static String url(ScratchDatabase database) {
		return database.settings().jdbcUrl() + "?user=" + database.settings().user();
	}

	private static void execute(ScratchDatabase database, String sql) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> query(ScratchDatabase database, String sql) {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
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

}
