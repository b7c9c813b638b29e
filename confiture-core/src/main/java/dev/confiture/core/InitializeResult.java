package dev.confiture.core;

import java.time.Duration;
import java.util.List;

import dev.confiture.core.InitializeOptions.Mode;
import dev.confiture.core.migrate.MigrationCounts;
import dev.confiture.core.migrate.StatusReport;

/**
 * What {@link Confiture#initialize(InitializeOptions)} did.
 *
 * @param action what was done: {@link Mode#BUILD} or {@link Mode#MIGRATE} (also for
 * {@code AUTO}), {@link Mode#VALIDATE} or {@link Mode#NONE}
 * @param versions the migrations applied, or marked as applied by a build
 * @param summary one sentence for a log
 * @param duration how long a build took, as recorded in
 * {@code confiture_builds.duration_ms}, or {@code null} when nothing was built
 * @param status the migration status the run ended with when it read one and changed
 * nothing after (validate mode, a database the quick check could not settle), or
 * {@code null}: read it again then
 * @param counts the counts the run ended with when they are known without reading the
 * status again (an up-to-date database, validate mode), or {@code null}
 */
public record InitializeResult(Mode action, List<String> versions, String summary, Duration duration,
		StatusReport status, MigrationCounts counts) {

	/**
	 * A result whose counts are those of its final status, if any.
	 * @param action what was done
	 * @param versions the migrations applied
	 * @param summary one sentence for a log
	 * @param duration how long a build took, or {@code null}
	 * @param status the final status, or {@code null}
	 */
	public InitializeResult(Mode action, List<String> versions, String summary, Duration duration,
			StatusReport status) {
		this(action, versions, summary, duration, status, (status != null) ? MigrationCounts.of(status) : null);
	}

	/**
	 * A result without a final status.
	 * @param action what was done
	 * @param versions the migrations applied
	 * @param summary one sentence for a log
	 * @param duration how long a build took, or {@code null}
	 */
	public InitializeResult(Mode action, List<String> versions, String summary, Duration duration) {
		this(action, versions, summary, duration, null, null);
	}

	/**
	 * A result without a build duration.
	 * @param action what was done
	 * @param versions the migrations applied
	 * @param summary one sentence for a log
	 */
	public InitializeResult(Mode action, List<String> versions, String summary) {
		this(action, versions, summary, null, null, null);
	}

	/** Copies the list. */
	public InitializeResult {
		versions = List.copyOf(versions);
	}

}
