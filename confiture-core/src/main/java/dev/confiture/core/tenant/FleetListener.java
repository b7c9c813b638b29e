package dev.confiture.core.tenant;

/**
 * Follows a fleet operation, for example to show a progress line. Called from the worker
 * threads, one call at a time.
 */
public interface FleetListener {

	/** A listener that ignores everything. */
	FleetListener NONE = new FleetListener() {
	};

	/**
	 * The tenants are known and work starts.
	 * @param total how many tenants will be handled
	 */
	default void started(int total) {
	}

	/**
	 * One tenant is finished.
	 * @param outcome what happened to it
	 * @param progress the counts so far
	 */
	default void finished(TenantOutcome outcome, FleetProgress progress) {
	}

}
