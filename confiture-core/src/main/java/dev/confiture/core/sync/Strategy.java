package dev.confiture.core.sync;

/**
 * How one column's values are replaced while copying. Implementations are deterministic:
 * the same key and the same input give the same output in every run and every table.
 */
interface Strategy {

	/**
	 * Replaces one value.
	 * @param value the source value in PostgreSQL's text form, or {@code null}
	 * @param row the row being copied (for strategies that depend on the row)
	 * @return the value to write, or {@code null}
	 */
	String apply(String value, Row row);

	/** What the rule does, for plans and reports (never a value from the data). */
	String describe();

	/** The strategy's name as rules write it, for messages. */
	default String name() {
		return describe().split(" ", 2)[0];
	}

	/** Whether the strategy needs {@link Row#key()}. */
	default boolean needsRowKey() {
		return false;
	}

	/**
	 * The row a value belongs to.
	 */
	interface Row {

		/** A stable identity of the row: its primary key values (or all its values). */
		String key();

	}

	/**
	 * A value that the strategy cannot handle. The reason never quotes the value.
	 */
	final class Unsupported extends RuntimeException {

		/**
		 * Creates the failure.
		 * @param reason what is wrong with the value, without the value
		 */
		Unsupported(String reason) {
			super(reason, null, false, false);
		}

	}

}
