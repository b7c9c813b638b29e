package dev.confiture.core.migrate;

/**
 * How many migrations are applied and pending, without the migrations themselves.
 *
 * @param applied migrations recorded as applied
 * @param pending migrations not applied yet
 * @param checksumMismatch whether an applied migration's file has changed
 */
public record MigrationCounts(int applied, int pending, boolean checksumMismatch) {

	/**
	 * The counts of a status report.
	 * @param report the report
	 * @return its counts
	 */
	public static MigrationCounts of(StatusReport report) {
		return new MigrationCounts(report.appliedCount(), report.pendingCount(), report.hasChecksumMismatch());
	}

	/**
	 * The counts of a database where every migration found is applied.
	 * @param applied how many are applied
	 * @return the counts
	 */
	public static MigrationCounts upToDate(int applied) {
		return new MigrationCounts(applied, 0, false);
	}

}
