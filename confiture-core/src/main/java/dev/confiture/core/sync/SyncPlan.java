package dev.confiture.core.sync;

import java.util.List;

/**
 * What a sync copies, in order.
 *
 * @param source the source, without secrets
 * @param target the target, without secrets
 * @param tables the tables in copy order
 * @param warnings what the user should know (e.g. columns that look personal and have no
 * rule)
 * @param mode how the target is written: {@code per-table} (each table in its own
 * transaction, triggers and foreign-key checks off) or {@code per-group} (tables linked
 * by foreign keys together)
 */
public record SyncPlan(String source, String target, List<PlannedTable> tables, List<String> warnings, String mode) {

	public SyncPlan {
		tables = List.copyOf(tables);
		warnings = List.copyOf(warnings);
	}

	/** The sum of the row estimates. */
	public long estimatedRows() {
		return this.tables.stream().mapToLong(PlannedTable::estimatedRows).sum();
	}

	/** The sum of the size estimates. */
	public long estimatedBytes() {
		return this.tables.stream().mapToLong(PlannedTable::estimatedBytes).sum();
	}

}
