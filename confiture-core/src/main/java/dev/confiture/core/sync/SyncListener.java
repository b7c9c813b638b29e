package dev.confiture.core.sync;

/**
 * Follows a sync, e.g. to draw progress. Called on the copying thread.
 */
public interface SyncListener {

	/** A listener that does nothing. */
	SyncListener NONE = new SyncListener() {
	};

	/** The plan is made; copying starts (not called for a dry run). */
	default void planned(SyncPlan plan) {
	}

	/** A table starts. */
	default void tableStarted(PlannedTable table) {
	}

	/** Rows were copied (called every few thousand rows). */
	default void progress(PlannedTable table, long rows, long bytes) {
	}

	/** A table is committed, or skipped because a resumed run had copied it. */
	default void tableFinished(TableResult result) {
	}

}
