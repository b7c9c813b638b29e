package dev.confiture.core.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.sql.SqlExecutionException;

/**
 * Applies the {@link MigrationTimeouts} to a migration: sets {@code lock_timeout} and
 * {@code statement_timeout}, and retries a transactional migration that was rolled back
 * by a lock timeout (SQLSTATE 55P03) with a growing wait, naming the blocking sessions.
 */
final class LockTimeoutRetry {

	static final String LOCK_NOT_AVAILABLE = "55P03";

	private final MigrationTimeouts timeouts;

	private final MigrationLock lock;

	private final RunLog log;

	LockTimeoutRetry(MigrationTimeouts timeouts, MigrationLock lock, RunLog log) {
		this.timeouts = timeouts;
		this.lock = lock;
		this.log = log;
	}

	/**
	 * Sets the timeouts for the migration: {@code SET LOCAL} inside its transaction, else
	 * for the session until {@link #reset}.
	 */
	void apply(Connection connection, MigrationWork work, boolean local) throws SQLException {
		Duration lockTimeout = lockTimeout(work);
		try (Statement statement = connection.createStatement()) {
			String scope = local ? "SET LOCAL " : "SET ";
			statement.execute(scope + "lock_timeout = " + lockTimeout.toMillis());
			statement.execute(scope + "statement_timeout = " + this.timeouts.statementTimeout().toMillis());
		}
	}

	/** Restores the session's timeouts after a migration that ran in auto-commit mode. */
	void reset(Connection connection) {
		try (Statement statement = connection.createStatement()) {
			statement.execute("RESET lock_timeout");
			statement.execute("RESET statement_timeout");
		}
		catch (SQLException ex) {
			// The session is gone
		}
	}

	/**
	 * Runs a transactional migration, retrying it after lock timeouts.
	 * @param work the migration
	 * @param connection the connection it runs on, to watch what blocks it
	 * @param attempt runs it once, rolling it back on failure
	 * @return what was done
	 */
	ExecutedMigration run(MigrationWork work, Connection connection, Supplier<ExecutedMigration> attempt) {
		Duration lockTimeout = lockTimeout(work);
		BlockerWatch watch = startWatch(connection, lockTimeout);
		try {
			for (int retry = 1;; retry++) {
				try {
					return attempt.get();
				}
				catch (ConfitureException ex) {
					if (!isLockTimeout(ex)) {
						throw ex;
					}
					List<String> blockers = (watch != null) ? watch.blockers() : List.of();
					if (retry > this.timeouts.lockRetries()) {
						throw spent(work, ex, lockTimeout, retry, blockers);
					}
					Duration wait = this.timeouts.backoff(retry);
					this.log.warn(work.info().displayName() + " timed out after " + format(lockTimeout)
							+ " waiting for a lock and was rolled back; retry " + retry + " of "
							+ this.timeouts.lockRetries() + " in " + format(wait) + ". Blocked by: "
							+ describe(blockers));
					this.log.listener().lockRetry(work.info(), retry, this.timeouts.lockRetries(), wait, blockers);
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(wait.toMillis()));
					if (this.lock != null && !this.lock.isHeld()) {
						throw ex;
					}
				}
			}
		}
		finally {
			if (watch != null) {
				watch.close();
			}
		}
	}

	private BlockerWatch startWatch(Connection connection, Duration lockTimeout) {
		if (this.lock == null || lockTimeout.isZero()) {
			return null;
		}
		try {
			return BlockerWatch.start(this.lock.connection(), connection, lockTimeout);
		}
		catch (SQLException ex) {
			return null;
		}
	}

	/** Checks the lock timeout marker of each migration before anything runs. */
	static java.util.function.Consumer<MigrationWork> checker(MigrationTimeouts timeouts) {
		LockTimeoutRetry retry = new LockTimeoutRetry(timeouts, null, null);
		return retry::lockTimeout;
	}

	private Duration lockTimeout(MigrationWork work) {
		String text = null;
		if (work.migration() instanceof SqlFileMigration sql) {
			text = (work.direction() == Direction.UP) ? sql.upText() : sql.downText();
		}
		return this.timeouts.lockTimeout(work.location(), text);
	}

	private static ConfitureException spent(MigrationWork work, ConfitureException failure, Duration lockTimeout,
			int attempts, List<String> blockers) {
		String where = (failure instanceof SqlExecutionException sql && sql.line() > 0)
				? sql.source() + ":" + sql.line() : work.location();
		return new ConfitureException(Category.LOCK,
				work.info().displayName() + " could not get its lock within " + format(lockTimeout) + " at " + where
						+ " in " + attempts + " attempt(s); each attempt was rolled back, "
						+ "nothing of it was applied. Blocked by: " + describe(blockers),
				"End or commit the blocking transaction (SELECT pg_terminate_backend(pid) ends a session), or run the "
						+ "migrations again when the table is quieter; migrations applied before it in this run stay "
						+ "applied",
				failure);
	}

	static boolean isLockTimeout(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SqlExecutionException sql && LOCK_NOT_AVAILABLE.equals(sql.sqlState())) {
				return true;
			}
			if (cause instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private static String describe(List<String> blockers) {
		return blockers.isEmpty() ? "sessions that could not be identified (they may have ended since)"
				: String.join("; ", blockers);
	}

	private static String format(Duration duration) {
		long millis = duration.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

}
