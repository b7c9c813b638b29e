package dev.confiture.core.diff;

/**
 * The DDL between two schemas, both ways.
 *
 * @param from the label of the current schema
 * @param to the label of the wanted schema
 * @param up the DDL that turns {@code from} into {@code to}, with its hazards
 * @param down the reverse: {@code to} back into {@code from}
 */
public record DiffResult(String from, String to, Plan up, Plan down) {

	/** Whether the two schemas are the same. */
	public boolean isEmpty() {
		return this.up.isEmpty();
	}

}
