package dev.confiture.core.migrate;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.migrate.ExecutedMigration.Outcome;
import dev.confiture.core.sql.TransactionControl;

import static dev.confiture.core.migrate.AppliedMigrations.elapsed;
import static dev.confiture.core.migrate.AppliedMigrations.parseVersion;
import static dev.confiture.core.migrate.AppliedMigrations.pending;
import static dev.confiture.core.migrate.AppliedMigrations.select;
import static dev.confiture.core.migrate.AppliedMigrations.verifyChecksums;
import static dev.confiture.core.migrate.AppliedMigrations.warnMissing;

/**
 * Applies pending migrations ({@link Migrator#up}), runs them and rolls them back (a dry
 * run), or plans them as SQL without changing anything.
 */
final class MigrateUp {

	private final MigrationDatabase database;

	private final MigrationDiscovery discovery;

	private final ChecksumPolicy checksumPolicy;

	private final MigrationListener listener;

	private final MigrationTimeouts timeouts;

	MigrateUp(MigrationDatabase database, MigrationDiscovery discovery, ChecksumPolicy checksumPolicy,
			MigrationListener listener, MigrationTimeouts timeouts) {
		this.database = database;
		this.discovery = discovery;
		this.checksumPolicy = checksumPolicy;
		this.listener = listener;
		this.timeouts = timeouts;
	}

	/**
	 * Applies pending migrations in version order, or runs them and rolls them back.
	 * @param target the highest version, or {@code null}
	 * @param steps how many migrations at most, or {@code null}
	 * @param dryRun whether to roll everything back
	 * @return what was applied
	 */
	MigrationRun apply(String target, Integer steps, boolean dryRun) {
		long start = System.nanoTime();
		MigrationVersion targetVersion = parseVersion(target, "target");
		checkSteps(steps);
		MigrationSet set = this.discovery.discover();
		RunLog log = new RunLog(this.listener);
		if (!dryRun) {
			MigrationRun upToDate = upToDate(set, targetVersion, steps, log, start);
			if (upToDate != null) {
				return upToDate;
			}
		}
		return this.database.locked((session) -> {
			Connection connection = session.connection();
			TrackingTable.Resolved table = session.table();
			if (dryRun) {
				connection.setAutoCommit(false);
			}
			try {
				if (!table.exists()) {
					table = table.create(connection);
				}
				List<AppliedMigration> rows = table.read(connection);
				verifyChecksums(this.checksumPolicy, set, rows, log);
				warnMissing(set, rows, log);
				List<ResolvedMigration> pending = pending(set, rows, log);
				List<MigrationWork> works = select(pending, targetVersion, steps).stream()
					.map((migration) -> MigrationWork.prepare(migration, Direction.UP, session.serverMajorVersion()))
					.toList();
				works.forEach(LockTimeoutRetry.checker(this.timeouts));
				log.listener().planned(Direction.UP, works.stream().map(MigrationWork::info).toList(), pending.size());
				MigrationExecutor executor = new MigrationExecutor(connection, table, session.lock(), log,
						this.timeouts);
				List<ExecutedMigration> executed = new ArrayList<>();
				for (MigrationWork work : works) {
					executed.add(dryRun ? dryRun(executor, work, log) : executor.execute(work, null));
				}
				return new MigrationRun(Direction.UP, dryRun, pending.size(), executed, log.warnings(), elapsed(start));
			}
			finally {
				if (dryRun && !connection.isClosed()) {
					connection.rollback();
				}
			}
		});
	}

	private static ExecutedMigration dryRun(MigrationExecutor executor, MigrationWork work, RunLog log) {
		if (work.transactional()) {
			return executor.executeUncommitted(work);
		}
		log.warn(work.info().displayName() + " was not run by the dry run: it cannot run in a transaction ("
				+ work.nonTransactionalReason() + "); migrations after it may depend on it");
		ExecutedMigration notRun = new ExecutedMigration(work.info(), Direction.UP, Outcome.NOT_RUN, 0, 0, 0);
		log.listener().completed(notRun);
		return notRun;
	}

	/**
	 * The usual case at application startup, checked on one connection without the lock:
	 * the tracking table exists and nothing is pending (up to the target). Checksums are
	 * verified as under the lock. Returns {@code null} when there is something to do, and
	 * the caller takes the lock and looks again.
	 */
	private MigrationRun upToDate(MigrationSet set, MigrationVersion target, Integer steps, RunLog log, long start) {
		return this.database.read((connection, table) -> {
			if (!table.exists()) {
				return null;
			}
			List<AppliedMigration> rows = table.read(connection);
			RunLog check = new RunLog(MigrationListener.NONE);
			verifyChecksums(this.checksumPolicy, set, rows, check);
			List<ResolvedMigration> pending = pending(set, rows, check);
			if (!select(pending, target, steps).isEmpty()) {
				return null;
			}
			verifyChecksums(this.checksumPolicy, set, rows, log);
			warnMissing(set, rows, log);
			pending(set, rows, log);
			log.listener().planned(Direction.UP, List.of(), pending.size());
			return new MigrationRun(Direction.UP, false, pending.size(), List.of(), log.warnings(), elapsed(start));
		});
	}

	/**
	 * What {@link #apply} would run, as SQL, without changing anything and without the
	 * lock.
	 * @param target the highest version, or {@code null}
	 * @param steps how many migrations at most, or {@code null}
	 * @return the plan
	 */
	MigrationPlan plan(String target, Integer steps) {
		MigrationVersion targetVersion = parseVersion(target, "target");
		checkSteps(steps);
		MigrationSet set = this.discovery.discover();
		RunLog log = new RunLog(MigrationListener.NONE);
		return this.database.read((connection, table) -> {
			List<AppliedMigration> rows = table.read(connection);
			verifyChecksums(this.checksumPolicy, set, rows, log);
			List<ResolvedMigration> pending = pending(set, rows, log);
			int major = MigrationDatabase.serverMajorVersion(connection);
			List<MigrationWork> works = select(pending, targetVersion, steps).stream()
				.map((migration) -> MigrationWork.prepare(migration, Direction.UP, major))
				.toList();
			works.stream()
				.filter((work) -> work.script() != null)
				.flatMap((work) -> work.script()
					.statements()
					.stream()
					.filter(TransactionControl::isTransactionControl)
					.map((statement) -> work.location() + ":" + statement.line() + ": " + statement.leadingKeywords(2)
							+ " will be skipped; Confiture runs each migration in its own transaction"))
				.forEach(log::warn);
			List<PlannedMigration> planned = works.stream()
				.map((work) -> new PlannedMigration(work.info(), work.transactional(), work.nonTransactionalReason(),
						work.planStatements()))
				.toList();
			return new MigrationPlan(table.displayName(), planned, log.warnings(), PlanRenderer.render(table, works));
		});
	}

	private static void checkSteps(Integer steps) {
		if (steps != null && steps < 1) {
			throw new ConfitureException(Category.CONFIG, "The number of steps must be at least 1, not " + steps,
					"Pass the number of migrations to apply");
		}
	}

}
