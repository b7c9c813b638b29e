package dev.confiture.core.internal;

/**
 * The names of the tables Confiture keeps in a managed database besides the tracking
 * table, for every concern that writes or leaves them out.
 */
public final class ConfitureTables {

	/** Where each successful build is recorded. */
	public static final String BUILDS = "confiture_builds";

	/** Where sync runs record their progress, on the target. */
	public static final String SYNC_PROGRESS = "confiture_sync_progress";

	private ConfitureTables() {
	}

}
