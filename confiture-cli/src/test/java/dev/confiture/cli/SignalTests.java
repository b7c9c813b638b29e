package dev.confiture.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM to a {@code confiture migrate up} process (a child JVM): the running statement
 * is cancelled on the server, the migration rolls back, the lock is released, the command
 * says what was interrupted and exits 143.
 */
@DisabledOnOs(OS.WINDOWS)
class SignalTests {

	private static final String SLEEPING = "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(600)%' "
			+ "AND state = 'active'";

	@TempDir
	Path project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() throws IOException {
		this.database = PostgresServers.shared().createDatabase();
		write("db/schema/10_tables/users.sql", "CREATE TABLE users (id int);\n");
		write("db/migrations/001_users.up.sql", "CREATE TABLE users (id int);\n");
		write("db/migrations/002_slow.up.sql", "CREATE TABLE half (id int);\nSELECT pg_sleep(600);\n");
		write("db/environments/local.yaml", "name: local\ninclude_dirs:\n  - db/schema\ndatabase_url: "
				+ this.database.settings().jdbcUrl() + "?user=" + this.database.settings().user() + "\n");
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void sigtermCancelsRollsBackReleasesTheLockAndExits143() throws Exception {
		Path err = this.project.resolve("err.txt");
		Path out = this.project.resolve("out.txt");
		Process process = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-cp", System.getProperty("java.class.path"), ConfitureCommand.class.getName(), "migrate", "up",
				"--lint=off", "--project-dir", this.project.toString()))
			.redirectError(err.toFile())
			.redirectOutput(out.toFile())
			.start();
		try {
			while (queryInt(SLEEPING) == 0) {
				assertThat(process.isAlive()).as(() -> read(out) + read(err)).isTrue();
				Thread.onSpinWait();
			}
			process.destroy();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
		finally {
			process.destroyForcibly();
		}
		String stderr = read(err);
		assertThat(process.exitValue()).as(read(out) + stderr).isEqualTo(143);
		assertThat(stderr).contains("Received SIGTERM: cancelling the migrations of")
			.contains("Migration 002_slow was interrupted (SIGTERM)")
			.contains("nothing of it was applied");
		assertThat(read(out)).contains("Applying 001_users... ok");
		assertThat(queryInt(SLEEPING)).isZero();
		assertThat(queryInt("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).isZero();
		assertThat(queryInt("SELECT count(*) FROM pg_class WHERE relname = 'half'")).isZero();
		assertThat(queryInt("SELECT count(*) FROM confiture_migrations")).isEqualTo(1);
	}

	private int queryInt(String sql) throws SQLException {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
	}

	private void write(String path, String content) throws IOException {
		Path file = this.project.resolve(path);
		Files.createDirectories(file.getParent());
		Files.writeString(file, content, StandardCharsets.UTF_8);
	}

	private static String read(Path file) {
		try {
			return Files.exists(file) ? Files.readString(file) : "";
		}
		catch (IOException ex) {
			return ex.toString();
		}
	}

}
