package dev.confiture.cli;

import java.io.IOException;
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
 * Which commands stop on a missing migrations directory (those that read migrations) and
 * which go on (those that read only the schema files, and those that create it).
 */
class MigrationsDirectoryTests {

	@TempDir
	Path project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() throws IOException {
		this.database = PostgresServers.shared().createDatabase();
		write("db/schema/10_tables/users.sql", "CREATE TABLE users (id int);\n");
		write("db/environments/local.yaml", """
				name: local
				include_dirs:
				  - db/schema
				migrations_dir: db/migration
				database_url: %s?user=%s
				""".formatted(this.database.settings().jdbcUrl(), this.database.settings().user()));
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void everyCommandThatReadsMigrationsStopsWithExitFiveNamingThePathItLookedAt() throws SQLException {
		Path missing = this.project.resolve("db/migration").toAbsolutePath().normalize();
		for (List<String> command : List.of(List.of("migrate", "lint"), List.of("tenant", "list"),
				List.of("tenant", "create", "acme"))) {
			Result result = run(command);
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
			assertThat(result.err()).as(command.toString())
				.contains("Migrations directory " + missing + " does not exist")
				.contains("correct migrations_dir");
		}
		assertThat(missing).doesNotExist();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT to_regnamespace('acme') IS NULL")) {
			assertThat(row.next() && row.getBoolean(1)).as("tenant schema acme was not created").isTrue();
		}
	}

	@Test
	void buildReadsOnlyTheSchemaFilesAndGoesOnWithoutIt() {
		Result result = run(List.of("build"));
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(this.project.resolve("db/migration")).doesNotExist();
	}

	private Result run(List<String> command) {
		List<String> args = new ArrayList<>(command);
		args.addAll(List.of("--env", "local", "--project-dir", this.project.toString()));
		return CliRunner.run(args.toArray(String[]::new));
	}

	private void write(String path, String content) throws IOException {
		Path file = this.project.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

}
