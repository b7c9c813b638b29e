package dev.confiture.core.sync;

import java.util.List;

/**
 * One table of a sync plan.
 *
 * @param name the unquoted {@code schema.table}
 * @param estimatedRows the source's row estimate
 * @param estimatedBytes the source's size on disk
 * @param where the row filter, or {@code null}
 * @param rules the rule of each anonymised column
 * @param group the tables copied in the same transaction with it (itself included)
 */
public record PlannedTable(String name, long estimatedRows, long estimatedBytes, String where, List<ColumnRule> rules,
		List<String> group) {

	public PlannedTable {
		rules = List.copyOf(rules);
		group = List.copyOf(group);
	}

	/**
	 * How one column is written.
	 *
	 * @param column the unquoted column name
	 * @param rule what is done to its values
	 */
	public record ColumnRule(String column, String rule) {
	}

}
