package dev.confiture.core.migrate;

import java.util.List;

/**
 * Every known migration, applied or not, ordered by version.
 *
 * @param trackingTable the tracking table, schema-qualified when it exists
 * @param initialized whether the tracking table exists
 * @param migrations one entry per version
 */
public record StatusReport(String trackingTable, boolean initialized, List<MigrationStatus> migrations) {

	public StatusReport {
		migrations = List.copyOf(migrations);
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
	 * The report as the plain text every adapter shows: heading, table of migrations, total.
	 * @return the lines, without line separators
	 */
	public List<String> lines() {
		return StatusRenderer.render(this);
	}

}
