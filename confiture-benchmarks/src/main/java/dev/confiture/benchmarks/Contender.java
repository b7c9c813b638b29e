package dev.confiture.benchmarks;

/**
 * One of the tools a benchmark compares.
 */
interface Contender {

	/** The name shown in the report. */
	String name();

	/**
	 * Prepares one repetition (for example creates its empty database), outside the measured
	 * time.
	 * @return the trial
	 * @throws Exception if it cannot be prepared
	 */
	Trial newTrial() throws Exception;

}
