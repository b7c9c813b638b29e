package dev.confiture.core.migrate;

/**
 * What happened to one migration during a run.
 *
 * @param migration the migration
 * @param direction applied or rolled back
 * @param outcome what was done
 * @param executionMs how long it took, in milliseconds
 * @param statements how many statements ran
 * @param rowsAffected the total row count reported by PostgreSQL for those statements
 */
public record ExecutedMigration(MigrationInfo migration, Direction direction, Outcome outcome, long executionMs,
		int statements, long rowsAffected) {

	/**
	 * What was done with a migration.
	 */
	public enum Outcome {

		/** Applied (or rolled back, going down) and committed with its tracking row. */
		DONE,

		/** Run inside the dry-run transaction, then rolled back. */
		ROLLED_BACK,

		/** Not run by a dry run because it cannot run inside a transaction. */
		NOT_RUN

	}

}
