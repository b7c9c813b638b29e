package dev.confiture.benchmarks;

/**
 * One repetition of one contender: prepared before the clock starts, {@link #run() run}
 * under the clock, {@link #check() checked} and {@link #close() cleaned up} after it stops.
 */
interface Trial extends AutoCloseable {

	/**
	 * The measured work.
	 * @throws Exception if the work fails, which stops the benchmark
	 */
	void run() throws Exception;

	/**
	 * Verifies, outside the measured time, that the work really happened.
	 * @throws Exception if it did not
	 */
	default void check() throws Exception {
	}

	@Override
	default void close() {
	}

}
