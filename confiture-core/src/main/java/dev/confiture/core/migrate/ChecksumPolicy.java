package dev.confiture.core.migrate;

/**
 * What to do when an applied migration's file no longer has the checksum recorded when it
 * was applied.
 */
public enum ChecksumPolicy {

	/** Refuse to run anything (the default). */
	FAIL,

	/** Report a warning and go on. */
	WARN,

	/** Go on silently. */
	IGNORE

}
