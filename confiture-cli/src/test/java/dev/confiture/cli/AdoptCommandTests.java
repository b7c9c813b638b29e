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

import dev.confiture.cli.CliRunner.Result;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code confiture init --from-database} and
 * {@code confiture migrate import-flyway}.
 */
class AdoptCommandTests {

	/**
	 * Flyway's history table as Flyway 12 creates it, with rows as Flyway writes them.
	 */
	private static final String FLYWAY_HISTORY = """
			CREATE TABLE flyway_schema_history (installed_rank integer PRIMARY KEY, version varchar(50),
			  description varchar(200) NOT NULL, type varchar(20) NOT NULL, script varchar(1000) NOT NULL, checksum integer,
			  installed_by varchar(100) NOT NULL, installed_on timestamp NOT NULL DEFAULT now(),
			  execution_time integer NOT NULL, success boolean NOT NULL);
			INSERT INTO flyway_schema_history VALUES
			  (1, '1', 'create users', 'SQL', 'V1__create_users.sql', 11, 'deployer', '2024-03-01 10:00:00', 12, true),
			  (2, '1.1', 'add name', 'SQL', 'V1_1__add_name.sql', 12, 'deployer', '2024-04-01 10:00:00', 3, true);
			""";

	@TempDir
	Path project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() throws SQLException {
		this.database = PostgresServers.shared().createDatabase();
		write("db/environments/local.yaml", """
				name: local
				includes:
				  - ../schema
				database_url: %s?user=%s
				""".formatted(this.database.settings().jdbcUrl(), this.database.settings().user()));
		write("db/schema/.gitkeep", "");
		execute("CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL, name text)");
		execute(FLYWAY_HISTORY);
		write("src/main/resources/db/migration/V1__create_users.sql",
				"CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);\n");
		write("src/main/resources/db/migration/V1_1__add_name.sql", "ALTER TABLE users ADD COLUMN name text;\n");
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void adoptsTheDatabaseThenItsFlywayHistory() throws SQLException {
		Result init = run("init", "--from-database", "--env", "local");
		assertOk(init);
		assertThat(init.out()).contains("Wrote 1 schema files to db/schema", "db/schema/10_tables/users.sql",
				"Proved: a build of these files", "confiture migrate import-flyway --env local");
		Result again = run("init", "--from-database", "--env", "local");
		assertThat(again.exitCode()).as(again.toString()).isEqualTo(5);
		assertThat(again.err()).contains("db/schema/10_tables/users.sql", "Nothing was written");
		Result json = run("init", "--from-database", "--env", "local", "--force", "--format", "json");
		assertOk(json);
		assertThat(JsonShape.of(json.out(), "")).containsExactly("ok boolean", "environment string", "database string",
				"schemaDirectory string", "files array", "objects number", "deferred array", "otherFiles array",
				"verified boolean", "differences array", "reprinted array", "baselineRecorded boolean",
				"baselined array");
		assertThat(json.out()).contains("\"files\" : [ \"db/schema/10_tables/users.sql\" ]", "\"objects\" : 2");
		Result dryRun = run("migrate", "import-flyway", "--env", "local", "--dry-run");
		assertOk(dryRun);
		assertThat(dryRun.out()).contains("Dry run: nothing is written", "1.1          11",
				"Would record 2 migration(s)");
		assertThat(Files.exists(this.project.resolve("db/migrations"))).isFalse();
		Result imported = run("migrate", "import-flyway", "--env", "local", "--format", "json");
		assertOk(imported);
		assertThat(imported.out()).contains("\"historyTable\" : \"public.flyway_schema_history\"",
				"\"version\" : \"11\"", "\"needsAttention\" : false");
		assertThat(JsonShape.of(imported.out(), "")).containsExactly("ok boolean", "environment string",
				"historyTable string", "dryRun boolean", "mappings array", "written array", "unchanged array",
				"mappingFile string", "recorded array", "notices array", "needsAttention boolean");
		assertThat(query("SELECT version || ' ' || kind || ' ' || applied_by || ' ' || applied_at::date FROM "
				+ "confiture_migrations ORDER BY version"))
			.containsExactly("10 sql deployer 2024-03-01", "11 sql deployer 2024-04-01");
		Result status = run("migrate", "status", "--env", "local");
		assertOk(status);
		assertThat(status.out()).contains("(2 applied, 0 pending)");
		assertOk(run("migrate", "verify", "--env", "local"));
	}

	@Test
	void optionsOfFromDatabaseNeedIt() {
		Result result = run("init", "--force");
		assertThat(result.exitCode()).isEqualTo(5);
		assertThat(result.err()).contains("work with --from-database only");
		assertThat(Files.exists(this.project.resolve("db/schema/10_tables"))).isFalse();
	}

	private Result run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--project-dir");
		all.add(this.project.toString());
		return CliRunner.run(all.toArray(String[]::new));
	}

	private static void assertOk(Result result) {
		assertThat(result.exitCode()).as(result.toString()).isZero();
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

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private List<String> query(String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				rows.add(rs.getString(1));
			}
		}
		return rows;
	}

}
