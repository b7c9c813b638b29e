package dev.confiture.core;

import java.time.Duration;
import java.util.List;

import dev.confiture.core.InitializeOptions.Mode;

/**
 * What {@link Confiture#initialize(InitializeOptions)} did.
 *
 * @param action what was done: {@link Mode#BUILD} or {@link Mode#MIGRATE} (also for
 * {@code AUTO}), {@link Mode#VALIDATE} or {@link Mode#NONE}
 * @param versions the migrations applied, or marked as applied by a build
 * @param summary one sentence for a log
 * @param duration how long a build took, as recorded in {@code confiture_builds.duration_ms}, or
 * {@code null} when nothing was built
 */
public record InitializeResult(Mode action, List<String> versions, String summary, Duration duration) {

	/**
	 * A result without a build duration.
	 * @param action what was done
	 * @param versions the migrations applied
	 * @param summary one sentence for a log
	 */
	public InitializeResult(Mode action, List<String> versions, String summary) {
		this(action, versions, summary, null);
	}

	/** Copies the list. */
	public InitializeResult {
		versions = List.copyOf(versions);
	}

}
