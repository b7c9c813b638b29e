package dev.confiture.core.migrate;

/**
 * What a {@code migrate} did: a run, or the plan of a {@link MigrateOptions.DryRun#PLAN}
 * dry run.
 *
 * @param run what ran (applied, or rolled back for an executed dry run), or {@code null}
 * for a plan
 * @param plan the SQL plan of a planned dry run, or {@code null}
 */
public record MigrateResult(MigrationRun run, MigrationPlan plan) {

	/** Whether this is only a plan. */
	public boolean planned() {
		return this.plan != null;
	}

}
