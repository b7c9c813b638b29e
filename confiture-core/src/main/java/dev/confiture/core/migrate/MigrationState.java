package dev.confiture.core.migrate;

import java.util.Locale;

/**
 * The state of one migration in a {@link StatusReport}.
 */
public enum MigrationState {

	/** Recorded in the tracking table, and its file (if any) is unchanged. */
	APPLIED,

	/** Found on disk or on the classpath but not recorded. */
	PENDING,

	/** Recorded, but its file has changed since it was applied. */
	CHECKSUM_MISMATCH,

	/** Recorded, but no longer found on disk or on the classpath. */
	MISSING_FILE;

	/**
	 * The lower-case, dash-separated label used in output, such as
	 * {@code checksum-mismatch}.
	 */
	public String label() {
		return name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
