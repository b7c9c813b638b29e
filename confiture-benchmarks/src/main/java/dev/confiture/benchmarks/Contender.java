package dev.confiture.benchmarks;

import java.util.List;

/**
 * One of the tools a benchmark compares.
 */
interface Contender {

	/** The name shown in the report. */
	String name();

	/**
	 * Prepares one repetition (for example creates its empty database), outside the
	 * measured time.
	 * @return the trial
	 * @throws Exception if it cannot be prepared
	 */
	Trial newTrial() throws Exception;

	/**
	 * Remarks known only once the repetitions have run (such as a second figure that the
	 * contender's trials reported), appended to the report's notes.
	 * @return the remarks
	 */
	default List<String> notes() {
		return List.of();
	}

	/**
	 * Releases what the contender prepared for all its repetitions (such as a template
	 * database), after the last one.
	 */
	default void close() {
	}

}
