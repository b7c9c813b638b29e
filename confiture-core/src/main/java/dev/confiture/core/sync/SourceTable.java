package dev.confiture.core.sync;

import java.util.List;

/**
 * A table to copy, as read from the source database.
 *
 * @param name the unquoted {@code schema.table}, as users write it
 * @param qualified the quoted, schema-qualified name for SQL
 * @param partitioned whether it is a partitioned table (copied through its parent)
 * @param estimatedRows the planner's row estimate ({@code reltuples}), 0 when unknown
 * @param estimatedBytes the size on disk, indexes and TOAST included
 * @param columns the columns copied (generated columns are left to the target), in order
 * @param primaryKey the unquoted names of the primary key's columns, possibly empty
 * @param references the unquoted names of the tables this one references by foreign key
 */
record SourceTable(String name, String qualified, boolean partitioned, long estimatedRows, long estimatedBytes,
		List<SourceColumn> columns, List<String> primaryKey, List<String> references) {

	/** The quoted column list for {@code COPY}. */
	String columnList() {
		StringBuilder list = new StringBuilder();
		for (SourceColumn column : this.columns) {
			if (!list.isEmpty()) {
				list.append(", ");
			}
			list.append(column.quoted());
		}
		return list.toString();
	}

	/** The index of a column by unquoted name, or -1. */
	int indexOf(String column) {
		for (int i = 0; i < this.columns.size(); i++) {
			if (this.columns.get(i).name().equals(column)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A column to copy.
	 *
	 * @param name the unquoted name
	 * @param quoted the quoted name
	 * @param type the type as {@code format_type} writes it
	 * @param comment the column's comment, or {@code null}
	 */
	record SourceColumn(String name, String quoted, String type, String comment) {
	}

}
