package dev.confiture.core.migrate;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;

import static dev.confiture.core.migrate.AppliedMigrations.elapsed;
import static dev.confiture.core.migrate.AppliedMigrations.parseVersion;
import static dev.confiture.core.migrate.AppliedMigrations.verifyChecksums;

/**
 * Rolls back the newest applied migrations, newest first ({@link Migrator#down},
 * {@link Migrator#downTo}). Refused before anything changes when one of them has no down.
 */
final class MigrateDown {

	private final MigrationDatabase database;

	private final MigrationDiscovery discovery;

	private final ChecksumPolicy checksumPolicy;

	private final MigrationListener listener;

	private final MigrationTimeouts timeouts;

	MigrateDown(MigrationDatabase database, MigrationDiscovery discovery, ChecksumPolicy checksumPolicy,
			MigrationListener listener, MigrationTimeouts timeouts) {
		this.database = database;
		this.discovery = discovery;
		this.checksumPolicy = checksumPolicy;
		this.listener = listener;
		this.timeouts = timeouts;
	}

	/**
	 * Rolls back the given number of the newest applied migrations.
	 * @param steps how many, at least 1
	 * @return what was rolled back
	 */
	MigrationRun steps(int steps) {
		if (steps < 1) {
			throw new ConfitureException(Category.CONFIG, "The number of steps must be at least 1, not " + steps,
					"Pass the number of migrations to roll back");
		}
		return rollback((rows) -> rows.subList(Math.max(0, rows.size() - steps), rows.size()), null);
	}

	/**
	 * Rolls back every applied migration newer than a version.
	 * @param version an applied version, or {@code 0} for all
	 * @return what was rolled back
	 */
	MigrationRun to(String version) {
		MigrationVersion target = parseVersion(version, "version");
		if (target == null) {
			throw new ConfitureException(Category.CONFIG, "down-to needs a version", "Pass an applied version");
		}
		boolean all = target.value().signum() == 0;
		return rollback((rows) -> rows.stream().filter((row) -> all || row.version().compareTo(target) > 0).toList(),
				target);
	}

	private MigrationRun rollback(Function<List<AppliedMigration>, List<AppliedMigration>> chooser,
			MigrationVersion downTo) {
		long start = System.nanoTime();
		MigrationSet set = this.discovery.discover();
		RunLog log = new RunLog(this.listener);
		return this.database.locked((session) -> {
			Connection connection = session.connection();
			TrackingTable.Resolved table = session.table();
			if (!table.exists()) {
				throw MigrationDatabase.notInitialized(table);
			}
			List<AppliedMigration> rows = table.read(connection);
			if (downTo != null && downTo.value().signum() != 0
					&& rows.stream().noneMatch((row) -> row.version().equals(downTo))) {
				throw (set.get(downTo) != null)
						? new ConfitureException(Category.CONFIG, "Version " + downTo + " is not applied",
								Remedy.of(Remedy.Kind.APPLY_UP_TO, "version", downTo.toString()))
						: new ConfitureException(Category.CONFIG, "Unknown version " + downTo,
								Remedy.of(Remedy.Kind.PICK_APPLIED_VERSION));
			}
			verifyChecksums(this.checksumPolicy, set, rows, log);
			List<AppliedMigration> selected = new ArrayList<>(chooser.apply(rows));
			selected.sort(Comparator.comparing(AppliedMigration::version).reversed());
			checkReversible(set, selected);
			List<MigrationWork> works = selected.stream()
				.map((row) -> MigrationWork.prepare(set.get(row.version()), Direction.DOWN,
						session.serverMajorVersion()))
				.toList();
			if (works.isEmpty()) {
				log.warn("Nothing to roll back");
			}
			log.listener().planned(Direction.DOWN, works.stream().map(MigrationWork::info).toList(), rows.size());
			MigrationExecutor executor = new MigrationExecutor(connection, table, session.lock(), log, this.timeouts);
			List<ExecutedMigration> executed = new ArrayList<>();
			for (int i = 0; i < works.size(); i++) {
				executed.add(executor.execute(works.get(i), selected.get(i)));
			}
			return new MigrationRun(Direction.DOWN, false, works.size(), executed, log.warnings(), elapsed(start));
		});
	}

	private static void checkReversible(MigrationSet set, List<AppliedMigration> selected) {
		List<String> reasons = new ArrayList<>();
		for (AppliedMigration row : selected) {
			ResolvedMigration migration = set.get(row.version());
			if (migration == null) {
				reasons.add(row.displayName() + ((row.kind() == MigrationKind.BASELINE && row.checksum() == null)
						? " is a baseline marker" : " has no file any more"));
			}
			else if (!migration.info().reversible()) {
				reasons.add((migration instanceof SqlFileMigration sql)
						? migration.displayName() + " has no down: " + sql.info().location() + " has no "
								+ migration.displayName() + ".down.sql next to it"
						: migration.displayName() + " has no down: " + migration.info().location()
								+ " does not override down(Context)");
			}
		}
		if (!reasons.isEmpty()) {
			throw new ConfitureException(Category.IRREVERSIBLE,
					"Cannot roll back " + reasons.size() + " of the " + selected.size() + " migration(s): "
							+ ConfitureException.summarize(reasons, "; ") + ". Nothing was rolled back.",
					Remedy.of(Remedy.Kind.WRITE_DOWN_OR_FIX_FORWARD))
				.withDetails(reasons);
		}
	}

}
