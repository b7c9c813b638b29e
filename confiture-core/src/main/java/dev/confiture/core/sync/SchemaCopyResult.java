package dev.confiture.core.sync;

import java.util.List;

/**
 * The outcome of a schema-to-schema copy.
 *
 * @param plan the target tables in copy order, with their source queries
 * @param tables what was copied, in order (empty for a dry run)
 * @param verifications the comparison of each table when asked
 * @param durationMs the whole run, the build of the target included
 * @param dryRun whether nothing was built or copied
 */
public record SchemaCopyResult(List<CopyStep> plan, List<TableResult> tables, List<TableVerification> verifications,
		long durationMs, boolean dryRun) {

	public SchemaCopyResult {
		plan = List.copyOf(plan);
		tables = List.copyOf(tables);
		verifications = List.copyOf(verifications);
	}

	/** Whether every verified table matched. */
	public boolean verified() {
		return this.verifications.stream().allMatch(TableVerification::matches);
	}

	/**
	 * One target table and how it is filled.
	 *
	 * @param target the unquoted target table
	 * @param query the query run on the source
	 * @param columns the target columns filled, in the query's order
	 * @param defaulted the target columns left to their defaults
	 */
	public record CopyStep(String target, String query, List<String> columns, List<String> defaulted) {
	}

	/**
	 * The comparison of one table after the copy.
	 *
	 * @param target the unquoted target table
	 * @param sourceRows the rows the source query returns
	 * @param targetRows the rows of the target table
	 * @param keyColumns the target's primary key columns compared (empty when it has none
	 * mapped)
	 * @param matches whether the counts and the key checksums are equal
	 */
	public record TableVerification(String target, long sourceRows, long targetRows, List<String> keyColumns,
			boolean matches) {
	}

}
