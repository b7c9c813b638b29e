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

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.confiture.cli.CliRunner.Result;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class InitAndBuildCommandTests {

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@TempDir
	Path root;

	Path project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() {
		this.project = this.root.resolve("myapp");
		this.database = PostgresServers.shared().createDatabase();
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void versionAndHelp() {
		assertThat(CliRunner.run("--version").out()).startsWith("Confiture version ");
		Result help = CliRunner.run("--help");
		assertThat(help.exitCode()).isZero();
		assertThat(help.out()).contains("init")
			.contains("build")
			.contains("Exit codes:")
			.contains("8  rollback refused");
		assertThat(CliRunner.run("build", "--help").out()).contains("--schema-only", "--drop-existing", "--if-empty",
				"--output", "--format", "--env", "--config", "--database-url");
	}

	@Test
	void initWritesTheLayoutAndNeverOverwrites() throws Exception {
		Result first = CliRunner.run("init", this.project.toString());
		assertThat(first.exitCode()).isZero();
		for (String path : List.of("db/schema/00_common/extensions.sql", "db/schema/10_tables/users.sql",
				"db/schema/20_views/.gitkeep", "db/schema/30_functions/.gitkeep", "db/seeds/common/00_users.sql",
				"db/seeds/development/.gitkeep", "db/seeds/test/.gitkeep", "db/migrations/.gitkeep",
				"db/environments/local.yaml", "db/environments/test.yaml", "db/environments/production.yaml")) {
			assertThat(this.project.resolve(path)).exists();
		}
		assertThat(Files.readString(this.project.resolve("db/environments/production.yaml"))).contains("${DB_HOST}")
			.contains("${DB_PASSWORD}")
			.doesNotContain("seeds");
		Files.writeString(this.project.resolve("db/schema/10_tables/users.sql"), "-- mine");
		Result second = CliRunner.run("init", this.project.toString());
		assertThat(second.exitCode()).isZero();
		assertThat(second.out()).contains("kept    db/schema/10_tables/users.sql (already exists)");
		assertThat(Files.readString(this.project.resolve("db/schema/10_tables/users.sql"))).isEqualTo("-- mine");
		Result json = CliRunner.run("init", this.project.toString(), "--format", "json");
		assertThat(json.exitCode()).as(json.toString()).isZero();
		assertThat(JsonShape.of(json.out(), "")).containsExactly("ok boolean", "project string", "created array",
				"kept array");
		assertThat(json.out()).contains("\"created\" : [ ]", "\"db/schema/10_tables/users.sql\"");
	}

	@Test
	void initThenBuildWorksWithTheGeneratedConfiguration() throws SQLException {
		CliRunner.run("init", this.project.toString());
		Result build = CliRunner.run("build", "--project-dir", this.project.toString(), "--env", "local",
				"--database-url", url());
		assertThat(build.exitCode()).as(build.toString()).isZero();
		assertThat(build.out()).contains("Building schema for environment: local")
			.contains("Found 3 SQL files (2 schema, 1 seed)")
			.contains("Executing schema...")
			.containsPattern("Schema built successfully in \\d+\\.\\d\\ds");
		assertThat(query("SELECT username FROM users ORDER BY username")).containsExactly("admin", "editor");
	}

	@Test
	void buildReadsTheDatabaseFromTheEnvironmentFile() throws Exception {
		writeProject();
		Files.writeString(this.project.resolve("db/environments/local.yaml"), """
				name: local
				includes:
				  - ../schema
				database_url: %s
				""".formatted(url()));
		Result build = CliRunner.run("build", "--project-dir", this.project.toString(), "--env", "local");
		assertThat(build.exitCode()).as(build.toString()).isZero();
		assertThat(query("SELECT count(*)::text FROM posts")).containsExactly("0");
	}

	@Test
	void schemaOnlyAndJsonOutput() throws SQLException {
		CliRunner.run("init", this.project.toString());
		Result build = CliRunner.run("build", "--project-dir", this.project.toString(), "--schema-only",
				"--database-url", url(), "--format", "json");
		assertThat(build.exitCode()).as(build.toString()).isZero();
		assertThat(build.out()).contains("\"status\" : \"built\"")
			.contains("\"path\" : \"db/schema/10_tables/users.sql\"")
			.contains("\"statements\" : 2")
			.containsPattern("\"hash\" : \"[0-9a-f]{64}\"")
			.doesNotContain("00_users.sql");
		assertThat(query("SELECT count(*)::text FROM users")).containsExactly("0");
		JsonNode document = mapper.readTree(build.out());
		assertThat(fieldNames(document)).containsExactly("ok", "status", "environment", "files", "hash", "durationMs",
				"database", "statements", "droppedSchemas", "baselinedMigrations", "baselineProven",
				"baselineProofNotes", "skippedReason");
		assertThat(fieldNames(document.get("files").get(0))).containsExactly("path", "seed");
		assertThat(document.get("ok").isBoolean()).isTrue();
		assertThat(document.get("durationMs").isNumber()).isTrue();
		assertThat(document.get("statements").isNumber()).isTrue();
		assertThat(document.get("droppedSchemas").isArray()).isTrue();
		assertThat(document.get("baselineProven").isBoolean()).isTrue();
		assertThat(document.get("skippedReason").isNull()).isTrue();
		assertThat(document.get("files").get(0).get("seed").isBoolean()).isTrue();
		Result skipped = CliRunner.run("build", "--project-dir", this.project.toString(), "--schema-only",
				"--database-url", url(), "--if-empty", "--format", "json");
		assertThat(skipped.exitCode()).as(skipped.toString()).isZero();
		JsonNode skip = mapper.readTree(skipped.out());
		assertThat(fieldNames(skip)).isEqualTo(fieldNames(document));
		assertThat(skip.get("status").asString()).isEqualTo("skipped");
		assertThat(skip.get("skippedReason").isString()).isTrue();
		Result written = CliRunner.run("build", "--project-dir", this.project.toString(), "--output",
				"build/schema.sql", "--format", "json");
		assertThat(written.exitCode()).as(written.toString()).isZero();
		JsonNode write = mapper.readTree(written.out());
		assertThat(fieldNames(write)).containsExactly("ok", "status", "environment", "files", "hash", "durationMs",
				"output");
		assertThat(write.get("status").asString()).isEqualTo("written");
		assertThat(fieldNames(write.get("files").get(0))).containsExactly("path", "seed");
	}

	@Test
	void failingStatementExitsWithFourAndNamesFileAndLine() throws SQLException {
		writeProject();
		write("db/schema/30_broken.sql", "\n\nCREATE TABLE broken (id int REFERENCES nowhere);\n");
		Result build = CliRunner.run("build", "--project-dir", this.project.toString(), "--database-url", url());
		assertThat(build.exitCode()).isEqualTo(4);
		assertThat(build.err()).contains("Error: db/schema/30_broken.sql:3: relation \"nowhere\" does not exist")
			.contains("Hint: Fix db/schema/30_broken.sql at line 3");
		assertThat(query("SELECT relname::text FROM pg_class WHERE relname = 'posts'")).isEmpty();
		Result json = CliRunner.run("build", "--project-dir", this.project.toString(), "--database-url", url(),
				"--format", "json");
		assertThat(json.exitCode()).isEqualTo(4);
		assertThat(json.out()).contains("\"ok\" : false")
			.contains("\"category\" : \"schema\"")
			.contains("\"file\" : \"db/schema/30_broken.sql\"")
			.contains("\"line\" : 3");
		JsonNode failure = mapper.readTree(json.out());
		assertThat(fieldNames(failure)).containsExactly("ok", "error");
		assertThat(fieldNames(failure.get("error"))).containsExactly("category", "exitCode", "message", "hint", "file",
				"line", "sqlState");
		assertThat(failure.get("error").get("exitCode").isInt()).isTrue();
		assertThat(failure.get("error").get("line").isInt()).isTrue();
	}

	@Test
	void nonEmptyDatabaseIsRefusedUnlessDropExistingOrIfEmpty() throws SQLException {
		writeProject();
		assertThat(CliRunner.run("build", "--project-dir", this.project.toString(), "--database-url", url()).exitCode())
			.isZero();
		Result again = CliRunner.run("build", "--project-dir", this.project.toString(), "--database-url", url());
		assertThat(again.exitCode()).isEqualTo(4);
		assertThat(again.err()).contains("is not empty").contains("--drop-existing");
		Result skip = CliRunner.run("build", "--project-dir", this.project.toString(), "--database-url", url(),
				"--if-empty");
		assertThat(skip.exitCode()).isZero();
		assertThat(skip.out()).contains("Skipped: database");
		Result drop = CliRunner.run("build", "--project-dir", this.project.toString(), "--database-url", url(),
				"--drop-existing");
		assertThat(drop.exitCode()).as(drop.toString()).isZero();
		assertThat(drop.err()).contains("Dropping existing schemas (--drop-existing): public");
		assertThat(query("SELECT count(*)::text FROM confiture_builds")).containsExactly("1");
		Result both = CliRunner.run("build", "--project-dir", this.project.toString(), "--database-url", url(),
				"--if-empty", "--drop-existing");
		assertThat(both.exitCode()).isEqualTo(5);
		assertThat(both.err()).contains("mutually exclusive");
	}

	@Test
	void outputWritesTheScriptWithoutConnecting() throws Exception {
		writeProject();
		Result build = CliRunner.run("build", "--project-dir", this.project.toString(), "--database-url",
				"postgresql://nobody:secret@127.0.0.1:1/none", "--output", "build/schema.sql");
		assertThat(build.exitCode()).as(build.toString()).isZero();
		assertThat(Files.readString(this.project.resolve("build/schema.sql"))).contains("CREATE TABLE posts");
	}

	@Test
	void configurationAndSyntaxErrorsCarryFileAndLineInJson() {
		writeProject();
		write("db/environments/local.yaml", "name: local\nincludes:\n  - ../schema\ndatabse_url: x\n");
		Result config = CliRunner.run("build", "--project-dir", this.project.toString(), "--format", "json");
		assertThat(config.exitCode()).isEqualTo(5);
		assertThat(config.out()).contains("\"category\" : \"config\"").contains("local.yaml").contains("\"line\" : 4");
		assertThat(fieldNames(mapper.readTree(config.out()).get("error"))).containsExactly("category", "exitCode",
				"message", "hint", "file", "line");
		write("db/environments/local.yaml", "name: local\nincludes:\n  - ../schema\n");
		write("db/schema/20_broken.sql",
				"CREATE TABLE ok (id int);\n\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1;\n");
		Result syntax = CliRunner.run("build", "--project-dir", this.project.toString(), "--database-url", url(),
				"--format", "json");
		assertThat(syntax.exitCode()).isEqualTo(4);
		assertThat(syntax.out()).contains("\"file\" : \"db/schema/20_broken.sql\"").contains("\"line\" : 3");
		assertThat(fieldNames(mapper.readTree(syntax.out()).get("error"))).containsExactly("category", "exitCode",
				"message", "hint", "file", "line");
	}

	@Test
	void unknownEnvironmentIsAConfigurationError() {
		writeProject();
		Result build = CliRunner.run("build", "--project-dir", this.project.toString(), "--env", "staging");
		assertThat(build.exitCode()).isEqualTo(5);
		assertThat(build.err()).contains("staging");
	}

	@Test
	void unreachableDatabaseExitsWithThreeAndHidesThePassword() {
		writeProject();
		Result build = CliRunner.run("build", "--project-dir", this.project.toString(), "--database-url",
				"postgresql://app:hunter2@127.0.0.1:1/app?connectTimeout=2");
		assertThat(build.exitCode()).isEqualTo(3);
		assertThat(build.err()).contains("Could not connect").doesNotContain("hunter2");
	}

	@Test
	void buildFailsWhenTheSchemaFilesLackAMigrationUnlessTheProofIsTurnedOff() throws SQLException {
		writeProject();
		write("db/migrations/001_posts.up.sql", "CREATE TABLE posts (id int PRIMARY KEY, title text NOT NULL);");
		write("db/migrations/002_add_owner_email.up.sql", "ALTER TABLE posts ADD COLUMN owner_email text;");
		Result refused = CliRunner.run("build", "--project-dir", this.project.toString(), "--database-url", url());
		assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(4);
		assertThat(refused.err()).contains("The schema files do not contain a migration that the build would mark")
			.contains(
					"002_add_owner_email (db/migrations/002_add_owner_email.up.sql) adds column public.posts.owner_email text")
			.doesNotContain("001_posts (")
			.contains("--no-baseline-proof builds anyway");
		assertThat(query("SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
		Result built = CliRunner.run("build", "--project-dir", this.project.toString(), "--database-url", url(),
				"--no-baseline-proof");
		assertThat(built.exitCode()).as(built.toString()).isZero();
		assertThat(built.out()).contains("Marked 2 existing migrations as applied: not proven (--no-baseline-proof)");
	}

	@Test
	void provenBaselineIsSaidAndSingular() {
		writeProject();
		write("db/migrations/001_posts.up.sql", "CREATE TABLE posts (id int PRIMARY KEY, title text NOT NULL);");
		Result built = CliRunner.run("build", "--project-dir", this.project.toString(), "--database-url", url());
		assertThat(built.exitCode()).as(built.toString()).isZero();
		assertThat(built.out())
			.contains("Marked 1 existing migration as applied: proven contained in the schema files");
	}

	private void writeProject() {
		write("db/schema/10_tables/posts.sql", "CREATE TABLE posts (id int PRIMARY KEY, title text NOT NULL);");
		write("db/environments/local.yaml", "name: local\nincludes:\n  - ../schema\n");
	}

	private void write(String path, String content) {
		try {
			Path file = this.project.resolve(path);
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String url() {
		return this.database.settings().jdbcUrl() + "?user=" + this.database.settings().user();
	}

	private List<String> query(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

}
