package dev.confiture.core;

import java.util.List;

import dev.confiture.core.InitializeOptions.Mode;

/**
 * What {@link Confiture#initialize(InitializeOptions)} did.
 *
 * @param action what was done: {@link Mode#BUILD} or {@link Mode#MIGRATE} (also for
 * {@code AUTO}), {@link Mode#VALIDATE} or {@link Mode#NONE}
 * @param versions the migrations applied, or marked as applied by a build
 * @param summary one sentence for a log
 */
public record InitializeResult(Mode action, List<String> versions, String summary) {

	/** Copies the list. */
	public InitializeResult {
		versions = List.copyOf(versions);
	}

}
