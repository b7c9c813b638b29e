package dev.confiture.core.sync;

import java.util.List;

/**
 * The outcome of a sync (or of a dry run: the plan and no tables).
 *
 * @param plan what was planned
 * @param tables what was done, table by table, in order
 * @param durationMs the whole run
 * @param dryRun whether nothing was copied
 * @param runId the identity of the run on the target (for {@code resume}), or
 * {@code null}
 */
public record SyncResult(SyncPlan plan, List<TableResult> tables, long durationMs, boolean dryRun, String runId) {

	public SyncResult {
		tables = List.copyOf(tables);
	}

	/** Rows copied. */
	public long rows() {
		return this.tables.stream().mapToLong(TableResult::rows).sum();
	}

	/** Bytes of COPY data written. */
	public long bytes() {
		return this.tables.stream().mapToLong(TableResult::bytes).sum();
	}

}
