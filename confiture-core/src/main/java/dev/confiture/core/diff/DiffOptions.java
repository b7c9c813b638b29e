package dev.confiture.core.diff;

/**
 * How to generate changes.
 *
 * @param online whether to prefer forms that keep tables available: {@code CREATE INDEX
 * CONCURRENTLY}, constraints added {@code NOT VALID} then validated, {@code SET NOT NULL}
 * through a validated check
 */
public record DiffOptions(boolean online) {

	/** The default options: plain transactional DDL. */
	public static DiffOptions defaults() {
		return new DiffOptions(false);
	}

}
