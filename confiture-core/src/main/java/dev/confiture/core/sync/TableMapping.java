package dev.confiture.core.sync;

import java.util.Map;

/**
 * How one target table is filled from the source (Medium 4, schema-to-schema).
 *
 * @param target the unquoted target {@code schema.table}
 * @param from the unquoted source {@code schema.table}
 * @param join more of the source query's {@code FROM} clause (e.g.
 * {@code JOIN public.profiles p
 * ON p.user_id = users.id}), or {@code null}
 * @param where a condition on the source rows, or {@code null}
 * @param columns per target column (unquoted): a source column name, or
 * {@code sql:EXPRESSION} for an SQL expression over the source row, or {@code default}
 * for the target's default
 * @param line where the table's mapping is written
 */
public record TableMapping(String target, String from, String join, String where, Map<String, String> columns,
		int line) {

	/** The prefix of an SQL expression in {@link #columns()}. */
	public static final String SQL = "sql:";

	/** The value that leaves a column to the target's default. */
	public static final String DEFAULT = "default";

	public TableMapping {
		columns = Map.copyOf(new java.util.LinkedHashMap<>(columns));
	}

}
