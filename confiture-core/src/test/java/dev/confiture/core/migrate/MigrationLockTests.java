package dev.confiture.core.migrate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrationLockTests {

	@TempDir
	Path directory;

	MigrationTestDatabase db;

	@BeforeEach
	void createDatabase() {
		this.db = new MigrationTestDatabase(this.directory);
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void eightConcurrentRunnersApplyEachMigrationExactlyOnce() throws Exception {
		for (int i = 1; i <= 5; i++) {
			this.db.write(String.format("%03d_t%d.up.sql", i, i),
					"CREATE TABLE t" + i + " (id int);\nINSERT INTO t" + i + " VALUES (" + i + ");");
		}
		int runners = 8;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(runners);
		try {
			List<Future<MigrationRun>> results = new ArrayList<>();
			for (int i = 0; i < runners; i++) {
				results.add(executor.submit(() -> {
					Migrator migrator = this.db.migrator().build();
					start.await();
					return migrator.up();
				}));
			}
			start.countDown();
			int applied = 0;
			for (Future<MigrationRun> result : results) {
				applied += result.get(60, TimeUnit.SECONDS).doneCount();
			}
			assertThat(applied).isEqualTo(5);
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.db.appliedVersions()).containsExactly("001", "002", "003", "004", "005");
		for (int i = 1; i <= 5; i++) {
			assertThat(this.db.queryInt("SELECT count(*) FROM t" + i)).isEqualTo(1);
		}
	}

	@Test
	void lockTimeoutNamesTheHolder() throws SQLException {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);");
		try (Connection holder = this.db.database.connect()) {
			execute(holder, "SET application_name = 'other-runner'");
			long key = TrackingTable.parse(null).resolve(holder).lockKey();
			execute(holder, "SELECT pg_advisory_lock(" + key + ")");
			int pid = pid(holder);
			Migrator migrator = this.db.migrator().lockWait(Duration.ofMillis(300)).build();
			assertThatExceptionOfType(ConfitureException.class).isThrownBy(migrator::up).satisfies((ex) -> {
				assertThat(ex.category()).isEqualTo(Category.LOCK);
				assertThat(ex.getMessage()).contains("public.confiture_migrations")
					.contains("within 300 ms")
					.contains("pid " + pid)
					.contains("application_name 'other-runner'")
					.contains("connected since");
				assertThat(ex.remedy().kind()).isEqualTo(Remedy.Kind.LOCK_HELD);
				assertThat(ex.hint()).isNull();
			});
			assertThatExceptionOfType(ConfitureException.class)
				.isThrownBy(() -> this.db.migrator().lockWait(Duration.ZERO).build().up())
				.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.LOCK));
			assertThat(this.db.tableExists("a")).isFalse();
			assertThat(
					this.db.migrator().trackingTable("other_history").lockWait(Duration.ZERO).build().up().doneCount())
				.as("another tracking table has another lock")
				.isEqualTo(1);
		}
	}

	@Test
	void lockAndQueryInOneRoundTripTimesOutNamingTheHolderAndLeavesTheTransactionUsable() throws SQLException {
		Migrator waiter = this.db.migrator().trackingTable("s.history").lockWait(Duration.ofMillis(200)).build();
		try (Connection holder = this.db.database.connect(); Connection waiting = this.db.database.connect()) {
			holder.setAutoCommit(false);
			this.db.migrator().trackingTable("s.history").build().lockTransaction(holder);
			waiting.setAutoCommit(false);
			assertThatExceptionOfType(ConfitureException.class)
				.isThrownBy(() -> waiter.lockTransaction(waiting, "SELECT 42"))
				.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.LOCK))
				.withMessageContaining(
						"Could not acquire the migration lock of s.history within 200 ms: held by pid " + pid(holder));
			assertThat(count(waiting, "SELECT current_setting('lock_timeout')::int")).isZero();
			holder.rollback();
			assertThat(waiter.lockTransaction(waiting, "SELECT 42")).isEqualTo(42);
			assertThat(waiter.lockTransaction(waiting, "SELECT 1 WHERE false")).isNull();
			waiting.rollback();
		}
	}

	@Test
	void terminatingTheRunnersBackendsReleasesTheLock() throws Exception {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);");
		this.db.write("002_waits.up.sql", "SELECT pg_advisory_xact_lock(4242);\nCREATE TABLE b (id int);");
		try (Connection test = this.db.database.connect()) {
			execute(test, "SELECT pg_advisory_lock(4242)");
			CompletableFuture<MigrationRun> runner = CompletableFuture
				.supplyAsync(() -> this.db.migrator().build().up());
			await(() -> count(test, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
					+ "AND objid = 4242") == 1, runner);
			long key = TrackingTable.parse(null).resolve(test).lockKey();
			assertThat(count(test,
					"SELECT count(pg_terminate_backend(pid)) FROM pg_locks WHERE locktype = 'advisory' "
							+ "AND ((objid = 4242 AND NOT granted) OR (classid::bigint = " + (key >>> 32)
							+ " AND objid::bigint = " + (key & 0xFFFFFFFFL) + "))"))
				.isEqualTo(2);
			assertThat(runner).failsWithin(Duration.ofSeconds(30))
				.withThrowableThat()
				.havingCause()
				.isInstanceOf(ConfitureException.class);
			execute(test, "SELECT pg_advisory_unlock(4242)");
		}
		assertThat(this.db.appliedVersions()).containsExactly("001");
		MigrationRun next = this.db.migrator().lockWait(Duration.ofSeconds(5)).build().up();
		assertThat(next.migrations()).extracting((m) -> m.migration().version()).containsExactly("002");
		assertThat(this.db.appliedVersions()).containsExactly("001", "002");
	}

	private static void await(BooleanSupplier condition, CompletableFuture<?> runner) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (!condition.getAsBoolean()) {
			assertThat(runner).as("runner still running").isNotDone();
			assertThat(System.nanoTime()).as("condition met within 30 s").isLessThan(deadline);
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

	private static int pid(Connection connection) {
		return count(connection, "SELECT pg_backend_pid()");
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
