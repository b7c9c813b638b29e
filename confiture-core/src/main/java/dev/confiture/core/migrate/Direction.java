package dev.confiture.core.migrate;

/**
 * Whether migrations are applied or rolled back.
 */
public enum Direction {

	/** Applying pending migrations. */
	UP,

	/** Rolling back applied migrations. */
	DOWN

}
