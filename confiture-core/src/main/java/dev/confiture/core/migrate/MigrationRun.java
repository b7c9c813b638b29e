package dev.confiture.core.migrate;

import java.util.List;

/**
 * The result of {@code up}, {@code down}, {@code down-to} or an executed dry run.
 *
 * @param direction applied or rolled back
 * @param dryRun whether everything was rolled back at the end
 * @param pending how many migrations were waiting before the run (going up), or were
 * selected for rollback (going down)
 * @param migrations what happened to each migration, in order
 * @param warnings warnings raised on the way
 * @param durationMs the total time, in milliseconds
 */
public record MigrationRun(Direction direction, boolean dryRun, int pending, List<ExecutedMigration> migrations,
		List<String> warnings, long durationMs) {

	public MigrationRun {
		migrations = List.copyOf(migrations);
		warnings = List.copyOf(warnings);
	}

	/** How many migrations were applied or rolled back (and committed). */
	public int doneCount() {
		return (int) this.migrations.stream()
			.filter((migration) -> migration.outcome() == ExecutedMigration.Outcome.DONE)
			.count();
	}

}
