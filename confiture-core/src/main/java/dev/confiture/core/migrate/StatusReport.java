package dev.confiture.core.migrate;

import java.util.List;

/**
 * Every known migration, applied or not, ordered by version.
 *
 * @param trackingTable the tracking table, schema-qualified when it exists
 * @param initialized whether the tracking table exists
 * @param invalidIndexes indexes that PostgreSQL marks INVALID or not ready (a failed
 * {@code CREATE INDEX CONCURRENTLY}), schema-qualified
 * @param migrations one entry per version
 */
public record StatusReport(String trackingTable, boolean initialized, List<MigrationStatus> migrations,
		List<String> invalidIndexes) {

	public StatusReport {
		migrations = List.copyOf(migrations);
		invalidIndexes = List.copyOf(invalidIndexes);
	}

	/**
	 * A report without index problems.
	 * @param trackingTable the tracking table
	 * @param initialized whether it exists
	 * @param migrations every migration
	 */
	public StatusReport(String trackingTable, boolean initialized, List<MigrationStatus> migrations) {
		this(trackingTable, initialized, migrations, List.of());
	}

	/** How many applied migrations have no file any more. */
	public int missingFileCount() {
		return (int) this.migrations.stream().filter((status) -> status.state() == MigrationState.MISSING_FILE).count();
	}

	/**
	 * Whether something needs attention: pending migrations, changed or missing files of
	 * applied migrations, or INVALID indexes.
	 */
	public boolean needsAttention() {
		return pendingCount() > 0 || hasChecksumMismatch() || missingFileCount() > 0 || !this.invalidIndexes.isEmpty();
	}

	/** How many migrations are recorded as applied. */
	public int appliedCount() {
		return (int) this.migrations.stream().filter(MigrationStatus::isApplied).count();
	}

	/** How many migrations are waiting to be applied. */
	public int pendingCount() {
		return (int) this.migrations.stream().filter((status) -> status.state() == MigrationState.PENDING).count();
	}

	/** Whether any applied migration's file has changed. */
	public boolean hasChecksumMismatch() {
		return this.migrations.stream().anyMatch((status) -> status.state() == MigrationState.CHECKSUM_MISMATCH);
	}

	/** Whether the database is initialised and nothing is pending. */
	public boolean isUpToDate() {
		return this.initialized && pendingCount() == 0;
	}

	/**
	 * The report as the plain text every adapter shows: heading, table of migrations,
	 * total.
	 * @return the lines, without line separators
	 */
	public List<String> lines() {
		return StatusRenderer.render(this);
	}

}
