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
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.confiture.cli.CliRunner.Result;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class MigrateCommandTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String APPLIED_AT = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}";

	@TempDir
	Path root;

	Path project;

	ScratchDatabase database;

	List<ScratchDatabase> extraDatabases = new ArrayList<>();

	@BeforeEach
	void setUp() {
		this.project = this.root.resolve("myapp");
		this.database = PostgresServers.shared().createDatabase();
	}

	@AfterEach
	void tearDown() {
		this.database.close();
		this.extraDatabases.forEach(ScratchDatabase::close);
	}

	@Test
	void aMissingMigrationsDirectoryIsAConfigurationErrorNamingThePath() throws Exception {
		write("db/schema/10_tables/users.sql", "CREATE TABLE users (id int);");
		writeEnvironment(this.database);
		Path missing = this.project.resolve("db/migrations").toAbsolutePath().normalize();
		for (String[] command : List.of(new String[] { "migrate", "status" }, new String[] { "migrate", "up" },
				new String[] { "migrate", "down" }, new String[] { "migrate", "baseline", "001" })) {
			List<String> args = new ArrayList<>(List.of(command));
			args.addAll(List.of("--env", "local"));
			Result result = run(args.toArray(String[]::new));
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
			assertThat(result.err()).contains("Migrations directory " + missing + " does not exist");
		}
		assertThat(missing).doesNotExist();
		assertOk(run("migrate", "generate", "add_bio", "--env", "local"));
		assertThat(missing.resolve("001_add_bio.up.sql")).exists();
		assertThat(run("migrate", "status", "--env", "local").exitCode()).isEqualTo(2);
	}

	/**
	 * Seed 003 ("Basic Migration Tutorial"), steps 3 to 9, with {@code --env local}.
	 */
	@Test
	void basicMigrationTutorialWalkthrough() throws Exception {
		write("db/schema/00_common/extensions.sql", """
				-- Enable UUID generation
				CREATE EXTENSION IF NOT EXISTS "uuid-ossp";

				-- Enable timestamp functions
				CREATE EXTENSION IF NOT EXISTS "btree_gist";
				""");
		write("db/schema/10_tables/users.sql", """
				-- Users table
				CREATE TABLE IF NOT EXISTS users (
				    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
				    email TEXT NOT NULL UNIQUE,
				    display_name TEXT NOT NULL,
				    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
				    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
				);

				-- Table comment
				COMMENT ON TABLE users IS 'User accounts and profiles';
				""");
		write("db/schema/20_indexes/users_indexes.sql", """
				-- Email index for fast lookups
				CREATE INDEX IF NOT EXISTS idx_users_email ON users(email);

				-- Created date index for sorting
				CREATE INDEX IF NOT EXISTS idx_users_created_at ON users(created_at DESC);
				""");
		writeEnvironment(this.database);
		// Step 3: build
		assertOk(run("build", "--env", "local"));
		// Step 4: test data
		execute(this.database, "INSERT INTO users (email, display_name) VALUES ('alice@example.com', 'Alice'), "
				+ "('bob@example.com', 'Bob'), ('charlie@example.com', 'Charlie')");
		// Step 5: the migration (SQL files instead of the Python class)
		write("db/migrations/001_add_user_bio.up.sql", """
				-- Add bio column to users table
				ALTER TABLE users
				ADD COLUMN bio TEXT;
				""");
		write("db/migrations/001_add_user_bio.down.sql", """
				ALTER TABLE users
				DROP COLUMN bio;
				""");
		// Step 6: status, up, status
		Result pending = run("migrate", "status", "--env", "local");
		assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(1);
		assertThat(pending.out()).containsPattern("\\| 001 +\\| add_user_bio \\| pending +\\| +\\|")
			.contains("Total: 1 migrations (0 applied, 1 pending)");
		Result up = run("migrate", "up", "--env", "local");
		assertOk(up);
		assertThat(up.out()).contains("Found 1 pending migration(s)")
			.containsPattern("Applying 001_add_user_bio\\.\\.\\. ok \\(\\d+ ms\\)")
			.containsPattern("Successfully applied 1 migration\\(s\\) in \\d+\\.\\d\\ds");
		Result applied = run("migrate", "status", "--env", "local");
		assertOk(applied);
		assertThat(applied.out()).containsPattern("\\| 001 +\\| add_user_bio \\| applied +\\| " + APPLIED_AT + " \\|")
			.contains("Total: 1 migrations (1 applied, 0 pending)");
		assertThat(columns(this.database, "users")).contains("bio");
		assertThat(query(this.database, "SELECT count(*) FROM users")).containsExactly("3");
		// Step 7: rollback, then re-apply
		Result down = run("migrate", "down", "--env", "local");
		assertOk(down);
		assertThat(down.out()).contains("Rolling back 1 migration(s)")
			.containsPattern("Rolling back 001_add_user_bio\\.\\.\\. ok \\(\\d+ ms\\)")
			.contains("Successfully rolled back 1 migration(s)");
		assertThat(columns(this.database, "users")).doesNotContain("bio");
		assertOk(run("migrate", "up", "--env", "local"));
		assertThat(columns(this.database, "users")).contains("bio");
		// Step 8: the schema file gets the column too
		write("db/schema/10_tables/users.sql", """
				-- Users table
				CREATE TABLE IF NOT EXISTS users (
				    id UUID PRIMARY KEY DEFAULT uuid_generate_v4(),
				    email TEXT NOT NULL UNIQUE,
				    display_name TEXT NOT NULL,
				    bio TEXT,  -- ← Add this line
				    created_at TIMESTAMPTZ NOT NULL DEFAULT NOW(),
				    updated_at TIMESTAMPTZ NOT NULL DEFAULT NOW()
				);

				COMMENT ON TABLE users IS 'User accounts and profiles';
				COMMENT ON COLUMN users.bio IS 'User biography (supports markdown)';  -- ← Add this
				""");
		// Step 9: a fresh database built from the schema files has the column, and the
		// migration
		// counts as applied
		ScratchDatabase fresh = PostgresServers.shared().createDatabase();
		this.extraDatabases.add(fresh);
		writeEnvironment(fresh);
		Result build = run("build", "--env", "local");
		assertOk(build);
		assertThat(build.out()).contains("Marked 1 existing migration as applied");
		assertThat(columns(fresh, "users")).contains("bio");
		Result freshStatus = run("migrate", "status", "--env", "local");
		assertOk(freshStatus);
		assertThat(freshStatus.out()).containsPattern("\\| 001 +\\| add_user_bio \\| applied");
		Result nothing = run("migrate", "up", "--env", "local");
		assertOk(nothing);
		assertThat(nothing.out()).contains("Nothing to apply: the database is up to date");
	}

	/**
	 * Seed 002 ("Getting Started"), steps 5 to 11, with
	 * {@code --config db/environments/local.yaml}.
	 */
	@Test
	void gettingStartedWalkthrough() throws Exception {
		assertOk(CliRunner.run("init", this.project.toString()));
		writeEnvironment(this.database);
		write("db/schema/10_tables/users.sql", """
				-- Users table
				CREATE TABLE users (
				    id SERIAL PRIMARY KEY,
				    username TEXT NOT NULL UNIQUE,
				    email TEXT NOT NULL UNIQUE,
				    created_at TIMESTAMP DEFAULT NOW()
				);

				CREATE INDEX idx_users_username ON users(username);
				CREATE INDEX idx_users_email ON users(email);
				""");
		// Step 4: the first migration (generate, then the SQL that diff --generate would
		// write)
		Result generated = config("migrate", "generate", "create_users_table");
		assertOk(generated);
		assertThat(generated.out()).contains("001_create_users_table.up.sql")
			.contains("001_create_users_table.down.sql");
		append("db/migrations/001_create_users_table.up.sql", """
				CREATE TABLE users (
				    id SERIAL PRIMARY KEY,
				    username TEXT NOT NULL UNIQUE,
				    email TEXT NOT NULL UNIQUE,
				    created_at TIMESTAMP DEFAULT NOW()
				);
				CREATE INDEX idx_users_username ON users(username);
				CREATE INDEX idx_users_email ON users(email);
				""");
		append("db/migrations/001_create_users_table.down.sql", "DROP TABLE users;\n");
		// Step 5: status
		Result status = config("migrate", "status");
		assertThat(status.exitCode()).as(status.toString()).isEqualTo(2);
		assertThat(status.out()).containsPattern("\\| Version \\| Name +\\| Status +\\| Applied at \\|")
			.containsPattern("\\| 001 +\\| create_users_table \\| pending +\\| +\\|")
			.contains("Total: 1 migrations (0 applied, 1 pending)")
			.contains("Not initialised");
		// Step 6: up
		Result up = config("migrate", "up");
		assertOk(up);
		assertThat(up.out()).contains("Found 1 pending migration(s)")
			.containsPattern("Applying 001_create_users_table\\.\\.\\. ok \\(\\d+ ms\\)")
			.contains("Successfully applied 1 migration(s)");
		assertThat(config("migrate", "status").exitCode()).isZero();
		// Step 7: both tables exist
		assertThat(query(this.database, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"))
			.containsExactly("confiture_migrations", "users");
		// Steps 8 to 10: a schema change and its migration
		write("db/schema/10_tables/users.sql", """
				CREATE TABLE users (
				    id SERIAL PRIMARY KEY,
				    username TEXT NOT NULL UNIQUE,
				    email TEXT NOT NULL UNIQUE,
				    bio TEXT,  -- NEW COLUMN
				    created_at TIMESTAMP DEFAULT NOW()
				);
				""");
		assertOk(config("migrate", "generate", "add_user_bio"));
		append("db/migrations/002_add_user_bio.up.sql", "ALTER TABLE users ADD COLUMN bio TEXT;\n");
		append("db/migrations/002_add_user_bio.down.sql", "ALTER TABLE users DROP COLUMN bio;\n");
		Result second = config("migrate", "up");
		assertOk(second);
		assertThat(second.out()).contains("Found 1 pending migration(s)")
			.containsPattern("Applying 002_add_user_bio\\.\\.\\. ok \\(\\d+ ms\\)")
			.contains("Successfully applied 1 migration(s)");
		assertThat(columns(this.database, "users")).contains("bio");
		// Step 11: rollback
		Result down = config("migrate", "down");
		assertOk(down);
		assertThat(down.out()).contains("Rolling back 1 migration(s)")
			.containsPattern("Rolling back 002_add_user_bio\\.\\.\\. ok \\(\\d+ ms\\)")
			.contains("Successfully rolled back 1 migration(s)");
		assertThat(columns(this.database, "users")).doesNotContain("bio");
		Result after = config("migrate", "status");
		assertThat(after.exitCode()).isEqualTo(1);
		assertThat(after.out()).contains("Total: 2 migrations (1 applied, 1 pending)");
	}

	@Test
	void statusAndUpReportJson() throws Exception {
		writeEnvironment(this.database);
		write("db/migrations/001_a.up.sql", "CREATE TABLE a (id int);");
		Result status = run("migrate", "status", "--env", "local", "--format", "json");
		assertThat(status.exitCode()).isEqualTo(2);
		assertThat(status.out()).contains("\"initialized\" : false")
			.contains("\"status\" : \"pending\"")
			.contains("\"pending\" : 1");
		JsonNode statusDocument = json.readTree(status.out());
		assertThat(fieldNames(statusDocument)).containsExactly("ok", "trackingTable", "initialized", "migrations",
				"invalidIndexes", "summary");
		assertThat(fieldNames(statusDocument.get("migrations").get(0))).containsExactly("version", "name", "status",
				"kind", "location", "reversible", "appliedAt", "appliedBy", "executionMs");
		assertThat(statusDocument.get("migrations").get(0).get("appliedAt").isNull()).isTrue();
		assertThat(fieldNames(statusDocument.get("summary"))).containsExactly("total", "applied", "pending",
				"missingFiles");
		Result up = run("migrate", "up", "--env", "local", "--format", "json");
		assertOk(up);
		assertThat(up.out()).contains("\"direction\" : \"up\"")
			.contains("\"outcome\" : \"done\"")
			.contains("\"executionMs\"")
			.doesNotContain("Applying");
		Result applied = run("migrate", "status", "--env", "local", "--format", "json");
		assertOk(applied);
		assertThat(applied.out()).contains("\"status\" : \"applied\"").contains("\"appliedAt\" : \"20");
		JsonNode appliedEntry = json.readTree(applied.out()).get("migrations").get(0);
		assertThat(fieldNames(appliedEntry)).containsExactly("version", "name", "status", "kind", "location",
				"reversible", "appliedAt", "appliedBy", "executionMs");
		assertThat(appliedEntry.get("executionMs").isNumber()).isTrue();
		Result generated = run("migrate", "generate", "b", "--env", "local", "--format", "json");
		assertOk(generated);
		JsonNode generatedDocument = json.readTree(generated.out());
		assertThat(fieldNames(generatedDocument)).containsExactly("ok", "version", "name", "upFile", "downFile");
		assertThat(generatedDocument.get("version").asString()).isEqualTo("002");
		assertThat(generatedDocument.get("upFile").asString()).endsWith("002_b.up.sql");
	}

	@Test
	void schemaToSchemaReportsJson() throws Exception {
		ScratchDatabase source = PostgresServers.shared().createDatabase();
		this.extraDatabases.add(source);
		execute(source, "CREATE TABLE users (id int PRIMARY KEY, email text); INSERT INTO users VALUES (1, 'a@b.c')");
		writeEnvironment(this.database);
		write("db/schema/accounts.sql", "CREATE TABLE accounts (id int PRIMARY KEY, contact text);");
		write("mapping.yaml",
				"tables:\n  accounts:\n    from: users\n    columns:\n      id: id\n" + "      contact: email\n");
		Result result = run("migrate", "schema-to-schema", "--env", "local", "--from",
				source.settings().jdbcUrl() + "?user=" + source.settings().user(), "--mapping", "mapping.yaml",
				"--verify", "--format", "json");
		assertOk(result);
		JsonNode document = json.readTree(result.out());
		assertThat(fieldNames(document)).containsExactly("ok", "dryRun", "plan", "tables", "verifications", "verified",
				"durationMs");
		assertThat(document.get("verified").asBoolean()).isTrue();
		assertThat(document.get("durationMs").isNumber()).isTrue();
		assertThat(query(this.database, "SELECT contact FROM accounts")).containsExactly("a@b.c");
	}

	@Test
	void targetStepsAndDownTo() throws Exception {
		writeEnvironment(this.database);
		for (int i = 1; i <= 4; i++) {
			write(String.format("db/migrations/%03d_t%d.up.sql", i, i), "CREATE TABLE t" + i + " (id int);");
			write(String.format("db/migrations/%03d_t%d.down.sql", i, i), "DROP TABLE t" + i + ";");
		}
		Result target = run("migrate", "up", "--env", "local", "--target", "002");
		assertOk(target);
		assertThat(target.out()).contains("Found 4 pending migration(s), applying 2");
		assertOk(run("migrate", "up", "--env", "local", "--steps", "1"));
		assertThat(versions()).containsExactly("001", "002", "003");
		Result downTo = run("migrate", "down-to", "001", "--env", "local");
		assertOk(downTo);
		assertThat(downTo.out()).contains("Rolling back 2 migration(s)")
			.containsSubsequence("Rolling back 003_t3", "Rolling back 002_t2");
		assertThat(versions()).containsExactly("001");
	}

	@Test
	void irreversibleRollbackExitsEightAndChangesNothing() throws Exception {
		writeEnvironment(this.database);
		write("db/migrations/001_a.up.sql", "CREATE TABLE a (id int);");
		write("db/migrations/002_b.up.sql", "CREATE TABLE b (id int);");
		assertOk(run("migrate", "up", "--env", "local"));
		Result down = run("migrate", "down", "--env", "local", "--steps", "2");
		assertThat(down.exitCode()).as(down.toString()).isEqualTo(8);
		assertThat(down.err()).contains("002_b has no down").contains("Nothing was rolled back");
		assertThat(versions()).containsExactly("001", "002");
		assertThat(query(this.database, "SELECT to_regclass('b') IS NOT NULL")).containsExactly("t");
	}

	@Test
	void lockHeldByAnotherRunnerExitsSixNamingIt() throws Exception {
		writeEnvironment(this.database);
		write("db/migrations/001_a.up.sql", "CREATE TABLE a (id int);");
		try (Connection holder = this.database.connect(); Statement statement = holder.createStatement()) {
			statement.execute("SET application_name = 'deploy-job-42'");
			try (ResultSet result = statement.executeQuery("SELECT pg_backend_pid()")) {
				result.next();
				String pid = result.getString(1);
				statement.execute("SELECT pg_advisory_lock(('x' || left(encode(sha256(convert_to("
						+ "'confiture:public.confiture_migrations', 'UTF8')), 'hex'), 16))::bit(64)::bigint)");
				Result up = run("migrate", "up", "--env", "local", "--lock-wait", "200ms");
				assertThat(up.exitCode()).as(up.toString()).isEqualTo(6);
				assertThat(up.err()).contains("pid " + pid).contains("deploy-job-42").contains("--lock-wait");
				Result json = run("migrate", "up", "--env", "local", "--lock-wait", "0s", "--format", "json");
				assertThat(json.exitCode()).isEqualTo(6);
				assertThat(json.out()).contains("\"ok\" : false").contains("\"category\" : \"lock\"");
			}
		}
		assertThat(query(this.database, "SELECT to_regclass('a') IS NULL")).containsExactly("t");
	}

	@Test
	void editedAppliedMigrationFailsUpUnlessWarned() throws Exception {
		writeEnvironment(this.database);
		write("db/migrations/001_a.up.sql", "CREATE TABLE a (id int);");
		assertOk(run("migrate", "up", "--env", "local"));
		write("db/migrations/001_a.up.sql", "CREATE TABLE a (id bigint);");
		write("db/migrations/002_b.up.sql", "CREATE TABLE b (id int);");
		Result failed = run("migrate", "up", "--env", "local");
		assertThat(failed.exitCode()).isEqualTo(4);
		assertThat(failed.err()).contains("Checksum mismatch").contains("001_a.up.sql").contains("new migration");
		Result status = run("migrate", "status", "--env", "local");
		assertThat(status.exitCode()).isEqualTo(1);
		assertThat(status.out()).contains("checksum-mismatch");
		Result warned = run("migrate", "up", "--env", "local", "--on-checksum-mismatch", "warn");
		assertOk(warned);
		assertThat(warned.err()).contains("Warning: Migration 001_a");
		assertThat(versions()).containsExactly("001", "002");
	}

	@Test
	void dryRunsPrintThePlanOrRollBack() throws Exception {
		writeEnvironment(this.database);
		write("db/migrations/001_a.up.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n");
		write("db/migrations/002_idx.up.sql", "CREATE INDEX CONCURRENTLY a_id ON a (id);\n");
		Result plan = run("migrate", "up", "--env", "local", "--dry-run");
		assertOk(plan);
		assertThat(plan.out()).contains("BEGIN;\nCREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n")
			.contains("CREATE INDEX CONCURRENTLY a_id ON a (id);");
		Result execute = run("migrate", "up", "--env", "local", "--dry-run=execute");
		assertOk(execute);
		assertThat(execute.out())
			.containsPattern("Running 001_a\\.\\.\\. ok \\(\\d+ ms, 2 statement\\(s\\), 1 row\\(s\\)\\)")
			.contains("Skipping 002_idx")
			.contains("Dry run complete: 1 migration(s) ran and were rolled back, nothing was changed");
		assertThat(query(this.database, "SELECT to_regclass('a') IS NULL, to_regclass('confiture_migrations') IS NULL"))
			.containsExactly("t");
		assertThat(run("migrate", "up", "--env", "local", "--dry-run=maybe").exitCode()).isEqualTo(5);
	}

	@Test
	void failingMigrationExitsThreeWithFileAndLine() throws Exception {
		writeEnvironment(this.database);
		write("db/migrations/001_broken.up.sql", "CREATE TABLE t (id int);\nSELECT * FROM nowhere;\n");
		Result up = run("migrate", "up", "--env", "local");
		assertThat(up.exitCode()).isEqualTo(3);
		assertThat(up.out()).contains("Applying 001_broken... failed");
		assertThat(up.err()).contains("001_broken.up.sql:2: relation \"nowhere\" does not exist (SQLSTATE 42P01)")
			.contains("Hint: Fix");
		Result json = run("migrate", "up", "--env", "local", "--format", "json");
		assertThat(json.out()).contains("\"category\" : \"database\"").contains("\"exitCode\" : 3");
	}

	@Test
	void failingMigrationInJsonNamesFileLineAndSqlState() throws Exception {
		writeEnvironment(this.database);
		write("db/migrations/001_broken.up.sql", "CREATE TABLE t (id int);\n\nINSERT INTO t\n  VALUES (1, 2);\n");
		Result json = run("migrate", "up", "--env", "local", "--format", "json");
		assertThat(json.exitCode()).isEqualTo(3);
		assertThat(json.out()).contains("\"ok\" : false")
			.containsPattern("\"file\" : \"[^\"]*001_broken\\.up\\.sql\"")
			.contains("\"line\" : 4")
			.contains("\"sqlState\" : \"42601\"");
		assertThat(query(this.database, "SELECT to_regclass('t') IS NULL")).containsExactly("t");
	}

	@Test
	void baselineAndHelp() throws Exception {
		writeEnvironment(this.database);
		write("db/migrations/001_a.up.sql", "CREATE TABLE a (id int);");
		write("db/migrations/002_b.up.sql", "CREATE TABLE b (id int);");
		Result baseline = run("migrate", "baseline", "001", "--env", "local");
		assertOk(baseline);
		assertThat(baseline.out()).contains("Marked 001_a as applied (baseline)");
		assertThat(run("migrate", "up", "--env", "local").out()).contains("Applying 002_b");
		assertThat(CliRunner.run("migrate").exitCode()).isEqualTo(5);
		Result help = CliRunner.run("migrate", "up", "--help");
		assertThat(help.out()).contains("--target", "--steps", "--dry-run", "--env", "--config", "--database-url",
				"--format", "--lock-wait", "--on-checksum-mismatch");
		assertThat(CliRunner.run("migrate", "--help").out()).contains("status", "up", "down", "down-to", "generate",
				"baseline");
	}

	private Result run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--project-dir");
		all.add(this.project.toString());
		return CliRunner.run(all.toArray(String[]::new));
	}

	private Result config(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.addAll(List.of("--config", "db/environments/local.yaml"));
		return run(all.toArray(String[]::new));
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	private static void assertOk(Result result) {
		assertThat(result.exitCode()).as(result.toString()).isZero();
	}

	private void writeEnvironment(ScratchDatabase target) {
		try {
			Files.createDirectories(this.project.resolve("db/schema"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		write("db/environments/local.yaml", """
				name: local
				includes:
				  - ../schema
				database_url: %s?user=%s
				""".formatted(target.settings().jdbcUrl(), target.settings().user()));
	}

	private void write(String path, String content) {
		Path file = this.project.resolve(path);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private void append(String path, String content) throws IOException {
		Path file = this.project.resolve(path);
		Files.writeString(file, Files.readString(file) + content, StandardCharsets.UTF_8);
	}

	private List<String> versions() throws SQLException {
		return query(this.database, "SELECT version FROM confiture_migrations ORDER BY version");
	}

	private static List<String> columns(ScratchDatabase database, String table) throws SQLException {
		return query(database, "SELECT attname FROM pg_attribute WHERE attrelid = '" + table
				+ "'::regclass AND attnum > 0 AND NOT attisdropped");
	}

	private static void execute(ScratchDatabase database, String sql) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static List<String> query(ScratchDatabase database, String sql) throws SQLException {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
	}

}
