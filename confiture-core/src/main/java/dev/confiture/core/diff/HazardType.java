package dev.confiture.core.diff;

/**
 * Kinds of risk a generated change carries.
 */
public enum HazardType {

	/** Data is lost: a table, column or enum value is dropped. */
	DELETES_DATA,

	/**
	 * The table is rewritten under an {@code ACCESS EXCLUSIVE} lock (e.g. a column type
	 * change).
	 */
	TABLE_REWRITE,

	/** Reads or writes are blocked while the table is scanned or an index is built. */
	BLOCKING_LOCK,

	/**
	 * The statement fails on some existing data (e.g. a new {@code NOT NULL} column
	 * without default).
	 */
	MAY_FAIL

}
