package dev.confiture.core.migrate;

/**
 * How to apply pending migrations.
 *
 * @param target the highest version to apply, or {@code null} for all
 * @param steps how many migrations to apply at most, or {@code null} for all
 * @param dryRun whether to apply, only plan, or run and roll back
 */
public record MigrateOptions(String target, Integer steps, DryRun dryRun) {

	/** Normalizes a missing dry-run mode to {@link DryRun#NONE}. */
	public MigrateOptions {
		dryRun = (dryRun != null) ? dryRun : DryRun.NONE;
	}

	/** Every pending migration, applied. */
	public static MigrateOptions defaults() {
		return new MigrateOptions(null, null, DryRun.NONE);
	}

	/** These options up to a version. */
	public MigrateOptions withTarget(String target) {
		return new MigrateOptions(target, this.steps, this.dryRun);
	}

	/** These options with at most so many migrations. */
	public MigrateOptions withSteps(Integer steps) {
		return new MigrateOptions(this.target, steps, this.dryRun);
	}

	/** These options with another dry-run mode. */
	public MigrateOptions withDryRun(DryRun dryRun) {
		return new MigrateOptions(this.target, this.steps, dryRun);
	}

	/**
	 * Whether a run changes the database.
	 */
	public enum DryRun {

		/** Apply the migrations. */
		NONE,

		/** Compute the SQL plan; change nothing and take no lock. */
		PLAN,

		/** Run the migrations in one transaction and roll it back. */
		EXECUTE

	}

}
