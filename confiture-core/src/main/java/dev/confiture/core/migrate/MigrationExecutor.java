package dev.confiture.core.migrate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Kind;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Interruption;
import dev.confiture.core.migrate.ExecutedMigration.Outcome;
import dev.confiture.core.sql.SqlExecutionException;
import dev.confiture.core.sql.SqlStatement;

/**
 * Runs prepared migrations on the work connection: in a transaction together with their
 * tracking row, or in auto-commit mode with the row written only after success.
 */
final class MigrationExecutor {

	private static final String NEW_LINE = System.lineSeparator();

	private final Connection connection;

	private final TrackingTable.Resolved table;

	private final MigrationLock lock;

	private final RunLog log;

	private final LockTimeoutRetry timeouts;

	MigrationExecutor(Connection connection, TrackingTable.Resolved table, MigrationLock lock, RunLog log) {
		this(connection, table, lock, log, MigrationTimeouts.none());
	}

	MigrationExecutor(Connection connection, TrackingTable.Resolved table, MigrationLock lock, RunLog log,
			MigrationTimeouts timeouts) {
		this.connection = connection;
		this.table = table;
		this.lock = lock;
		this.log = log;
		this.timeouts = new LockTimeoutRetry(timeouts, lock, log);
	}

	/**
	 * Runs a migration and commits it with its tracking row.
	 * @param work the prepared migration
	 * @param applied the tracking row to delete when going down, otherwise {@code null}
	 * @return what was done
	 */
	ExecutedMigration execute(MigrationWork work, AppliedMigration applied) {
		Interruption.check(work.info().displayName());
		checkLock(work);
		this.log.listener().started(work.direction(), work.info());
		try {
			ExecutedMigration executed = work.transactional()
					? this.timeouts.run(work, this.connection, () -> inTransaction(work, applied, true))
					: inAutoCommit(work, applied);
			this.log.listener().completed(executed);
			return executed;
		}
		catch (RuntimeException ex) {
			this.log.listener().failed(work.direction(), work.info(), ex);
			throw ex;
		}
	}

	/**
	 * Runs a migration with its tracking row inside the caller's transaction, for a dry
	 * run.
	 * @param work the prepared, transactional migration
	 * @return what was done, to be rolled back by the caller
	 */
	ExecutedMigration executeUncommitted(MigrationWork work) {
		this.log.listener().started(work.direction(), work.info());
		try {
			ExecutedMigration executed = inTransaction(work, null, false);
			this.log.listener().completed(executed);
			return executed;
		}
		catch (RuntimeException ex) {
			this.log.listener().failed(work.direction(), work.info(), ex);
			throw ex;
		}
	}

	private ExecutedMigration inTransaction(MigrationWork work, AppliedMigration applied, boolean commit) {
		long start = System.nanoTime();
		StatementExecutor executor = new StatementExecutor(this.connection, this.log::warn);
		try {
			this.connection.setAutoCommit(false);
			this.timeouts.apply(this.connection, work, true);
			boolean java = work.script() == null;
			long transactionId = java ? transactionId() : 0;
			work.run(this.connection, executor);
			if (java) {
				checkStillInTransaction(work, transactionId);
			}
			long millis = elapsed(start);
			record(work, applied, millis);
			if (commit) {
				checkLock(work);
				this.connection.commit();
			}
			return new ExecutedMigration(work.info(), work.direction(), commit ? Outcome.DONE : Outcome.ROLLED_BACK,
					millis, executor.statements(), executor.rows());
		}
		catch (Exception ex) {
			rollback();
			String what = (work.direction() == Direction.UP) ? "Migration " + work.info().displayName()
					: "Rollback of " + work.info().displayName();
			String rolledBack = !commit ? "; the dry run was rolled back, nothing was changed"
					: (work.direction() == Direction.UP) ? "; it was rolled back, nothing of it was applied"
							: "; it was rolled back, the migration stays applied";
			if (Interruption.reason() != null) {
				throw new ConfitureException(Category.INTERRUPTED,
						what + " was interrupted (" + Interruption.reason() + "): the running statement was cancelled"
								+ rolledBack
								+ ((work.direction() == Direction.UP && commit)
										? "; migrations applied before it in this run stay applied" : ""),
						Remedy.of(Kind.RERUN, "operation", command(work), "after", " when you are ready"), ex);
			}
			Remedy hint = Remedy.of(Kind.RERUN, "before", "Fix " + work.location() + " and ", "operation",
					command(work), "after", (work.direction() == Direction.UP && commit)
							? "; migrations applied before it in this run stay applied" : "");
			SqlExecutionException failure = sqlFailure(work, ex);
			if (failure != null && UnsafeEnumValue.matches(failure)) {
				throw failure.withContext(what + " failed" + rolledBack + ":", UnsafeEnumValue.rule(),
						UnsafeEnumValue.remedy(work.location(), command(work),
								(work.direction() == Direction.UP && commit)
										? "; migrations applied before it in this run stay applied" : ""));
			}
			if (failure != null) {
				throw failure.withContext(what + " failed" + rolledBack + ":", null, hint);
			}
			if (ex instanceof ConfitureException confiture) {
				throw confiture;
			}
			throw new ConfitureException(Category.DATABASE,
					what + " failed" + rolledBack + ":" + NEW_LINE + work.location() + ": " + ex, hint, ex);
		}
	}

	private ExecutedMigration inAutoCommit(MigrationWork work, AppliedMigration applied) {
		long start = System.nanoTime();
		StatementExecutor executor = new StatementExecutor(this.connection, this.log::warn);
		IndexValidity validity = null;
		try {
			this.connection.setAutoCommit(true);
			this.timeouts.apply(this.connection, work, false);
			validity = IndexValidity.before(this.connection);
			work.run(this.connection, executor);
		}
		catch (Exception ex) {
			throw nonTransactionalFailure(work, executor, ex, validity);
		}
		finally {
			this.timeouts.reset(this.connection);
		}
		long millis = elapsed(start);
		try {
			List<String> invalid = validity.leftInvalid(this.connection,
					(work.script() != null) ? work.script().statements() : null);
			if (!invalid.isEmpty()) {
				throw new ConfitureException(Category.DATABASE, work.info().displayName()
						+ " ran outside a transaction (" + work.nonTransactionalReason() + ") but the index"
						+ ((invalid.size() > 1) ? "es " : " ") + String.join(", ", invalid)
						+ ((invalid.size() > 1) ? " are" : " is")
						+ " INVALID: PostgreSQL does not use an INVALID index and does not enforce its uniqueness. "
						+ "The migration was not recorded as applied.",
						Remedy.of(
								Kind.RERUN, "before", "Drop it with " + dropStatements(invalid)
										+ " then remove the cause " + "(for a unique index: the duplicate rows) and ",
								"operation", command(work)));
			}
			record(work, applied, millis);
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					work.info().displayName() + " ran (" + work.nonTransactionalReason()
							+ ") but its tracking row could not be " + ((applied != null) ? "deleted" : "written")
							+ ": " + this.table.displayName() + ": " + SqlExecutionException.describe(ex),
					(applied != null)
							? "Delete the row of version " + applied.version() + " from " + this.table.displayName()
							: null,
					(applied != null) ? null : Remedy.of(Kind.RECORD_APPLIED, "version", work.info().version()), ex);
		}
		return new ExecutedMigration(work.info(), work.direction(), Outcome.DONE, millis, executor.statements(),
				executor.rows());
	}

	private void record(MigrationWork work, AppliedMigration applied, long millis) throws SQLException {
		ResolvedMigration migration = work.migration();
		if (work.direction() == Direction.UP) {
			this.table.insert(this.connection, migration.version(), migration.name(), migration.info().kind(),
					migration.info().checksum(), millis);
		}
		else {
			this.table.delete(this.connection, applied.version());
		}
	}

	private static String dropStatements(List<String> indexes) {
		return indexes.stream()
			.map((index) -> "DROP INDEX CONCURRENTLY IF EXISTS " + index + ";")
			.collect(Collectors.joining(" "));
	}

	private ConfitureException nonTransactionalFailure(MigrationWork work, StatementExecutor executor, Exception ex,
			IndexValidity validity) {
		String summary = ((work.direction() == Direction.UP) ? "Migration " : "Rollback of ")
				+ work.info().displayName() + " failed. It ran outside a transaction (" + work.nonTransactionalReason()
				+ "), so it was not rolled back and its tracking row was not "
				+ ((work.direction() == Direction.UP) ? "written" : "deleted") + ":";
		List<String> consequences = new ArrayList<>();
		if (!executor.lines().isEmpty()) {
			consequences.add("Statements that succeeded before the failure stay applied: " + ((work.script() != null)
					? "lines " + executor.lines().stream().map(String::valueOf).collect(Collectors.joining(", "))
					: executor.statements() + " statement(s)") + ".");
		}
		Remedy hint = Remedy.of(Kind.RERUN, "before", "Undo or keep what succeeded, make " + work.location()
				+ " safe to run again (for example with IF NOT EXISTS), then ", "operation", command(work));
		List<String> invalid = invalidIndexes(work, executor, validity);
		if (!invalid.isEmpty()) {
			consequences.add("It left the INVALID index" + ((invalid.size() > 1) ? "es " : " ")
					+ String.join(", ", invalid) + " behind.");
			hint = Remedy.of(Kind.RERUN, "before",
					"Drop it with " + dropStatements(invalid) + " then fix " + work.location() + " and ", "operation",
					command(work));
		}
		String leftBehind = consequences.isEmpty() ? null : String.join(NEW_LINE, consequences);
		if (Interruption.reason() != null) {
			return new ConfitureException(Category.INTERRUPTED,
					summary.replace(" failed.", " was interrupted (" + Interruption.reason() + ").") + NEW_LINE
							+ ((leftBehind != null) ? leftBehind : ""),
					hint, ex);
		}
		SqlExecutionException failure = sqlFailure(work, ex);
		if (failure != null) {
			return failure.withContext(summary, leftBehind, hint);
		}
		return new ConfitureException(Category.DATABASE,
				summary + NEW_LINE + work.location() + ": " + ex + ((leftBehind != null) ? NEW_LINE + leftBehind : ""),
				hint, ex);
	}

	/**
	 * The indexes that the statements run so far (the failed one included) left INVALID.
	 */
	private List<String> invalidIndexes(MigrationWork work, StatementExecutor executor, IndexValidity validity) {
		if (validity == null) {
			return List.of();
		}
		List<SqlStatement> statements = null;
		if (work.script() != null) {
			SqlStatement failed = executor.failedStatement();
			statements = new ArrayList<>();
			for (SqlStatement statement : work.script().statements()) {
				statements.add(statement);
				if (statement == failed) {
					break;
				}
			}
		}
		try {
			return validity.leftInvalid(this.connection, statements);
		}
		catch (SQLException ex) {
			// The session may be gone; the message then simply does not name the index
			return List.of();
		}
	}

	private void checkStillInTransaction(MigrationWork work, long transactionId) throws SQLException {
		if (this.connection.getAutoCommit()) {
			throw new ConfitureException(Category.DATABASE,
					work.info().displayName() + " (" + work.location()
							+ ") turned auto-commit on: what it ran was committed without its tracking row",
					"A Java migration must not change auto-commit, commit or roll back; return false from "
							+ "transactional() if it cannot run in a transaction, then check the database by hand");
		}
		if (transactionId() != transactionId) {
			throw new ConfitureException(Category.DATABASE, work.info().displayName() + " (" + work.location()
					+ ") committed or rolled back the transaction on its own: what it ran before that was committed "
					+ "without its tracking row; the rest was rolled back",
					"A Java migration must not commit or roll back; return false from transactional() if it cannot "
							+ "run in a transaction, then check the database by hand");
		}
	}

	private long transactionId() throws SQLException {
		try (Statement statement = this.connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT txid_current()")) {
			result.next();
			return result.getLong(1);
		}
	}

	private void checkLock(MigrationWork work) {
		if (this.lock != null && !this.lock.isHeld()) {
			throw new ConfitureException(Category.LOCK,
					"Lost the migration lock of " + this.table.displayName() + " (its session ended) before "
							+ work.info().displayName() + " was committed; it was not applied",
					Remedy.of(Kind.RERUN, "before", "Check the database connection and ", "operation", command(work)));
		}
	}

	/**
	 * The failure as a {@link SqlExecutionException} if PostgreSQL rejected something,
	 * else {@code null}.
	 */
	private static SqlExecutionException sqlFailure(MigrationWork work, Exception ex) {
		if (ex instanceof SqlExecutionException failure) {
			return failure;
		}
		if (ex instanceof SQLException failure) {
			return SqlExecutionException.of(Category.DATABASE, work.location(), failure);
		}
		return null;
	}

	private void rollback() {
		try {
			if (!this.connection.getAutoCommit()) {
				this.connection.rollback();
			}
		}
		catch (SQLException ex) {
			// The session is gone: PostgreSQL has rolled back already
		}
	}

	private static String command(MigrationWork work) {
		return (work.direction() == Direction.UP) ? "up" : "down";
	}

	private static long elapsed(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

}
