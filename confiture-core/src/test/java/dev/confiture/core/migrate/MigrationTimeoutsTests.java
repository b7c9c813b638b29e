package dev.confiture.core.migrate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * lock_timeout and statement_timeout of migration transactions, retries after a lock
 * timeout, and runners that wait for the migration lock without holding a snapshot.
 */
class MigrationTimeoutsTests {

	@TempDir
	Path directory;

	MigrationTestDatabase db;

	@BeforeEach
	void createDatabase() {
		this.db = new MigrationTestDatabase(this.directory);
		this.db.execute("CREATE TABLE orders (id bigint PRIMARY KEY)");
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void aLockTimeoutIsRetriedAndSucceedsOnceTheBlockerCommits() throws Exception {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);");
		this.db.write("002_column.up.sql", "ALTER TABLE orders ADD COLUMN note text;");
		CountDownLatch retried = new CountDownLatch(1);
		List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
		try (Connection blocker = this.db.database.connect()) {
			execute(blocker, "SET application_name = 'reporting'");
			blocker.setAutoCommit(false);
			execute(blocker, "SELECT count(*) FROM orders");
			Migrator migrator = this.db.migrator()
				.timeouts(new MigrationTimeouts(Duration.ofMillis(500), Duration.ZERO, 50, Duration.ofMillis(20)))
				.listener(new MigrationListener() {

					@Override
					public void lockRetry(MigrationInfo migration, int retry, int retries, Duration wait,
							List<String> blockers) {
						seen.addAll(blockers);
						retried.countDown();
					}

				})
				.build();
			CompletableFuture<MigrationRun> runner = CompletableFuture.supplyAsync(migrator::up);
			assertThat(retried.await(60, TimeUnit.SECONDS)).isTrue();
			blocker.commit();
			MigrationRun run = runner.get(60, TimeUnit.SECONDS);
			assertThat(run.doneCount()).isEqualTo(2);
			assertThat(run.warnings()).anyMatch((warning) -> warning.contains("002_column timed out after 500 ms"));
		}
		assertThat(seen).anyMatch((blocker) -> blocker.contains("application_name 'reporting'")
				&& blocker.contains("state idle in transaction")
				&& blocker.contains("query: SELECT count(*) FROM orders"));
		assertThat(this.db.appliedVersions()).containsExactly("001", "002");
		assertThat(this.db.queryInt(
				"SELECT count(*) FROM pg_attribute WHERE attrelid = 'orders'::regclass " + "AND attname = 'note'"))
			.isEqualTo(1);
	}

	@Test
	void whenTheRetriesAreSpentTheBlockerIsNamedAndNothingOfTheMigrationIsApplied() throws SQLException {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);");
		this.db.write("002_column.up.sql", "CREATE TABLE b (id int);\nALTER TABLE orders ADD COLUMN note text;");
		try (Connection blocker = this.db.database.connect()) {
			execute(blocker, "SET application_name = 'long-report'");
			blocker.setAutoCommit(false);
			execute(blocker, "SELECT count(*) FROM orders");
			int pid = count(blocker, "SELECT pg_backend_pid()");
			Migrator migrator = this.db.migrator()
				.timeouts(new MigrationTimeouts(Duration.ofSeconds(1), Duration.ZERO, 1, Duration.ofMillis(10)))
				.build();
			assertThatExceptionOfType(ConfitureException.class).isThrownBy(migrator::up).satisfies((ex) -> {
				assertThat(ex.category()).isEqualTo(Category.LOCK);
				assertThat(ex.getMessage()).contains("002_column could not get its lock within 1 s")
					.contains("db/migrations/002_column.up.sql:2")
					.contains("in 2 attempt(s)")
					.contains("nothing of it was applied")
					.contains("pid " + pid + ", application_name 'long-report'");
				assertThat(ex.hint()).contains("pg_terminate_backend");
			});
			blocker.rollback();
		}
		assertThat(this.db.appliedVersions()).containsExactly("001");
		assertThat(this.db.tableExists("b")).isFalse();
	}

	@Test
	void aFileSetsItsOwnLockTimeout() throws SQLException {
		this.db.write("001_column.up.sql", "-- confiture:lock-timeout=300ms\nALTER TABLE orders ADD COLUMN note text;");
		try (Connection blocker = this.db.database.connect()) {
			blocker.setAutoCommit(false);
			execute(blocker, "SELECT count(*) FROM orders");
			Migrator migrator = this.db.migrator()
				.timeouts(MigrationTimeouts.defaults().withLockTimeout(Duration.ofHours(1)).withLockRetries(0))
				.build();
			assertThatExceptionOfType(ConfitureException.class).isThrownBy(migrator::up)
				.satisfies((ex) -> assertThat(ex.getMessage()).contains("within 300 ms"));
			blocker.rollback();
		}
		assertThat(this.db.appliedVersions()).isEmpty();
	}

	@Test
	void aMalformedLockTimeoutMarkerIsRefusedBeforeAnythingRuns() {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);");
		this.db.write("002_b.up.sql", "CREATE TABLE b (id int);\n-- confiture:lock-timeout=soon\nSELECT 1;");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> this.db.migrator().build().up())
			.satisfies((ex) -> {
				assertThat(ex.category()).isEqualTo(Category.CONFIG);
				assertThat(ex.getMessage())
					.endsWith("db/migrations/002_b.up.sql:2: -- confiture:lock-timeout: 'soon' is not a duration");
				assertThat(ex.hint()).contains("500ms, 30s, 2min or 1h");
			});
		assertThat(this.db.tableExists("b")).isFalse();
		assertThat(this.db.tableExists("a")).isFalse();
	}

	@Test
	void durationsAreParsedWithUnits() {
		assertThat(MigrationTimeouts.parse("500ms", "x")).isEqualTo(Duration.ofMillis(500));
		assertThat(MigrationTimeouts.parse("30s", "x")).isEqualTo(Duration.ofSeconds(30));
		assertThat(MigrationTimeouts.parse("2min", "x")).isEqualTo(Duration.ofMinutes(2));
		assertThat(MigrationTimeouts.parse("1h", "x")).isEqualTo(Duration.ofHours(1));
		assertThat(MigrationTimeouts.parse("15", "x")).isEqualTo(Duration.ofSeconds(15));
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> MigrationTimeouts.parse("-3s", "--x"))
			.withMessage("--x: '-3s' is not a duration");
	}

	@Test
	void theStatementTimeoutCancelsALongStatementAndRollsTheMigrationBack() {
		this.db.write("001_slow.up.sql", "CREATE TABLE slow (id int);\nSELECT pg_sleep(60);");
		Migrator migrator = this.db.migrator()
			.timeouts(MigrationTimeouts.defaults().withStatementTimeout(Duration.ofMillis(200)))
			.build();
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(migrator::up)
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("db/migrations/001_slow.up.sql:2")
				.contains("statement timeout"));
		assertThat(this.db.tableExists("slow")).isFalse();
		assertThat(this.db.queryString("SHOW statement_timeout")).isEqualTo("0");
	}

	@Test
	void twoRunnersWithACreateIndexConcurrentlyMigrationBothFinish() throws Exception {
		this.db.write("001_index.up.sql", "CREATE INDEX CONCURRENTLY orders_id_desc ON orders (id DESC);");
		try (Connection writer = this.db.database.connect(); Connection test = this.db.database.connect()) {
			writer.setAutoCommit(false);
			execute(writer, "INSERT INTO orders VALUES (1)");
			CompletableFuture<MigrationRun> first = CompletableFuture
				.supplyAsync(() -> this.db.migrator().lockWait(Duration.ofMinutes(2)).build().up());
			await(() -> count(test, "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
					+ "AND query LIKE 'CREATE INDEX CONCURRENTLY%'") == 1, first);
			CompletableFuture<MigrationRun> second = CompletableFuture
				.supplyAsync(() -> this.db.migrator().lockWait(Duration.ofMinutes(2)).build().up());
			await(() -> count(test, "SELECT count(*) FROM pg_stat_activity WHERE query LIKE "
					+ "'SELECT pg_try_advisory_lock%' AND pid <> pg_backend_pid()") >= 1, second);
			writer.commit();
			assertThat(first.get(90, TimeUnit.SECONDS).doneCount()).isEqualTo(1);
			assertThat(second.get(90, TimeUnit.SECONDS).doneCount()).isZero();
		}
		assertThat(this.db.queryString("SELECT indisvalid FROM pg_index WHERE indexrelid = 'orders_id_desc'::regclass"))
			.isEqualTo("t");
		assertThat(this.db.appliedVersions()).containsExactly("001");
	}

	private static void await(BooleanSupplier condition, CompletableFuture<?> runner) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (!condition.getAsBoolean()) {
			assertThat(runner).as("runner still running").isNotDone();
			assertThat(System.nanoTime()).as("condition met within 60 s").isLessThan(deadline);
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
		}
	}

	private static int count(Connection connection, String sql) {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
