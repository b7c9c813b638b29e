package dev.confiture.core.migrate;

import java.util.List;

/**
 * Receives progress while migrations run, for example to print it. Every method does
 * nothing by default. Called on the thread that runs the operation.
 */
public interface MigrationListener {

	/** A listener that ignores everything. */
	MigrationListener NONE = new MigrationListener() {
	};

	/**
	 * The migrations that are about to run, once the lock is held and checksums are
	 * verified.
	 * @param direction applied or rolled back
	 * @param migrations the migrations, in the order they will run
	 * @param pending how many were pending (up) or applied (down) before limits were
	 * applied
	 */
	default void planned(Direction direction, List<MigrationInfo> migrations, int pending) {
	}

	/**
	 * A migration starts.
	 * @param direction applied or rolled back
	 * @param migration the migration
	 */
	default void started(Direction direction, MigrationInfo migration) {
	}

	/**
	 * A migration finished.
	 * @param migration what happened
	 */
	default void completed(ExecutedMigration migration) {
	}

	/**
	 * A migration failed; the exception is thrown to the caller next.
	 * @param direction applied or rolled back
	 * @param migration the migration
	 * @param failure the failure
	 */
	default void failed(Direction direction, MigrationInfo migration, RuntimeException failure) {
	}

	/**
	 * A migration timed out waiting for a lock, was rolled back and will be retried.
	 * @param migration the migration
	 * @param retry the retry about to be made (1-based)
	 * @param retries how many retries are allowed
	 * @param wait how long Confiture waits before it
	 * @param blockers the sessions seen blocking it
	 */
	default void lockRetry(MigrationInfo migration, int retry, int retries, java.time.Duration wait,
			List<String> blockers) {
	}

	/**
	 * Something the user should know about, such as a skipped {@code BEGIN}.
	 * @param message the warning
	 */
	default void warning(String message) {
	}

}
