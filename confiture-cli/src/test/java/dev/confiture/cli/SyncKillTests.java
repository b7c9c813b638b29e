package dev.confiture.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.cli.CliRunner.Result;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code kill -9} of a {@code confiture sync} process (a child JVM) in the middle of a
 * table: the tables copied before it stay copied, that table and the ones after it are
 * exactly as they were, and {@code confiture sync --resume} finishes the run.
 * <p>
 * To kill at a known point without timing, the target's copy of {@code big} has a row
 * trigger (enabled always, so it also fires under
 * {@code session_replication_role = replica}) that takes an advisory lock the test holds
 * when row 100,000 arrives: the child's {@code COPY} is then provably mid-table (the
 * server's {@code pg_stat_progress_copy} shows the rows already inserted in its open
 * transaction) when the process is killed.
 */
@DisabledOnOs(OS.WINDOWS)
class SyncKillTests {

	private static final int ROWS = 200_000;

	private static final String SCHEMA = "CREATE TABLE alpha (id int PRIMARY KEY, name text);"
			+ " CREATE TABLE big (id int PRIMARY KEY, note text); CREATE TABLE omega (id int PRIMARY KEY);";

	private static final String PAUSE = """
			CREATE FUNCTION pause_copy() RETURNS trigger LANGUAGE plpgsql AS
				$$ BEGIN PERFORM pg_advisory_xact_lock(1717); RETURN NEW; END $$;
			CREATE TRIGGER pause_copy BEFORE INSERT ON big FOR EACH ROW WHEN (NEW.id = 100000)
				EXECUTE FUNCTION pause_copy();
			ALTER TABLE big ENABLE ALWAYS TRIGGER pause_copy;""";

	private static final String UNCHANGED = "SELECT 'big ' || string_agg(id || ':' || note, ',' ORDER BY id) FROM big"
			+ " UNION ALL SELECT 'omega ' || string_agg(id::text, ',' ORDER BY id) FROM omega";

	@TempDir
	Path project;

	ScratchDatabase production;

	ScratchDatabase local;

	@BeforeEach
	void setUp() throws IOException {
		this.production = PostgresServers.shared().createDatabase();
		this.local = PostgresServers.shared().createDatabase();
		execute(this.production,
				SCHEMA + " INSERT INTO alpha SELECT i, 'name ' || i FROM generate_series(1, 10) i;"
						+ " INSERT INTO big SELECT i, 'row ' || i || repeat('.', 20) FROM generate_series(1, " + ROWS
						+ ") i;" + " INSERT INTO omega VALUES (1); ANALYZE;");
		execute(this.local, SCHEMA + PAUSE + " INSERT INTO big VALUES (-1, 'kept'), (-2, 'also kept');"
				+ " INSERT INTO omega VALUES (-1);");
		Files.createDirectories(this.project.resolve("db/environments"));
		Files.writeString(this.project.resolve("db/environments/production.yaml"),
				"database_url: " + url(this.production) + "\nprotected: true\n");
		Files.writeString(this.project.resolve("db/environments/local.yaml"),
				"database_url: " + url(this.local) + "\n");
	}

	@AfterEach
	void tearDown() {
		this.production.close();
		this.local.close();
	}

	@Test
	void killedMidTableLeavesThatTableAsItWasAndResumeFinishes() throws Exception {
		Path out = this.project.resolve("out.txt");
		Path err = this.project.resolve("err.txt");
		List<String> before = query(this.local, UNCHANGED);
		assertThat(before).containsExactly("big -2:also kept,-1:kept", "omega -1");
		try (Connection holder = this.local.connect(); Connection monitor = this.local.connect()) {
			execute(holder, "SELECT pg_advisory_lock(1717)");
			Process process = new ProcessBuilder(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
							System.getProperty("java.class.path"), ConfitureCommand.class.getName(), "sync", "--from",
							"production", "--to", "local", "--project-dir", this.project.toString()))
				.redirectOutput(out.toFile())
				.redirectError(err.toFile())
				.start();
			try {
				awaitWhile(() -> intValue(monitor, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
						+ " AND objid = 1717 AND database = (SELECT oid FROM pg_database WHERE datname = current_database())"
						+ " AND NOT granted") == 0, process, out, err);
				assertThat(intValue(monitor,
						"SELECT tuples_processed FROM pg_stat_progress_copy" + " WHERE relid = 'public.big'::regclass"))
					.isGreaterThan(0);
				assertThat(strings(monitor, "SELECT table_name FROM confiture_sync_progress WHERE rows IS NOT NULL"))
					.containsExactly("public.alpha");
				process.destroyForcibly();
				assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			}
			finally {
				process.destroyForcibly();
			}
			assertThat(process.exitValue()).as(read(out) + read(err)).isEqualTo(137);
			assertThat(read(out)).contains("public.alpha").doesNotContain("public.big").doesNotContain("Copied");
			execute(holder, "SELECT pg_advisory_unlock(1717)");
			awaitWhile(() -> intValue(monitor,
					"SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
							+ " AND backend_type = 'client backend' AND pid NOT IN (pg_backend_pid(), " + pid(holder)
							+ ")") > 0,
					null, out, err);
		}
		assertThat(query(this.local, "SELECT 'alpha ' || count(*) FROM alpha")).containsExactly("alpha 10");
		assertThat(query(this.local, UNCHANGED)).isEqualTo(before);
		Result resumed = CliRunner.run("sync", "--from", "production", "--to", "local", "--resume", "--project-dir",
				this.project.toString());
		assertThat(resumed.exitCode()).as(resumed.toString()).isZero();
		assertThat(resumed.out()).containsPattern("public\\.alpha +skipped \\(copied by the interrupted run\\)")
			.contains("Copied " + String.format(Locale.ROOT, "%,d", ROWS + 1) + " rows");
		String counts = "SELECT (SELECT count(*) FROM alpha) || ' ' || (SELECT count(*) FROM big) || ' '"
				+ " || (SELECT count(*) FROM omega) || ' ' || (SELECT md5(string_agg(id || note, '' ORDER BY id)) FROM big)";
		assertThat(query(this.local, counts)).isEqualTo(query(this.production, counts));
		assertThat(query(this.local,
				"SELECT count(*) FROM confiture_sync_progress WHERE table_name = '(run)'" + " AND rows IS NULL"))
			.containsExactly("0");
	}

	private static void awaitWhile(BooleanSupplier condition, Process process, Path out, Path err) {
		long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
		while (condition.getAsBoolean()) {
			if (process != null && !process.isAlive()) {
				fail("The sync process ended early:%n%s%s", read(out), read(err));
			}
			if (System.nanoTime() > deadline) {
				fail("Gave up waiting after 2 minutes:%n%s%s", read(out), read(err));
			}
			Thread.onSpinWait();
		}
	}

	private static int pid(Connection connection) {
		return intValue(connection, "SELECT pg_backend_pid()");
	}

	private static int intValue(Connection connection, String sql) {
		List<String> values = strings(connection, sql);
		return values.isEmpty() ? 0 : Integer.parseInt(values.get(0));
	}

	private static List<String> strings(Connection connection, String sql) {
		try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
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

	private static void execute(Connection connection, String sql) {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void execute(ScratchDatabase database, String sql) {
		try (Connection connection = database.connect()) {
			execute(connection, sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> query(ScratchDatabase database, String sql) {
		try (Connection connection = database.connect()) {
			return strings(connection, sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String url(ScratchDatabase database) {
		return database.settings().jdbcUrl() + "?user=" + database.settings().user();
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
