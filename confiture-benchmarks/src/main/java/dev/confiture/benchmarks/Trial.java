package dev.confiture.benchmarks;

import java.util.OptionalLong;

/**
 * One repetition of one contender: prepared before the clock starts, {@link #run() run}
 * under the clock, {@link #check() checked} and {@link #close() cleaned up} after it
 * stops.
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

	/**
	 * The time the work took as measured by the work itself, for work that runs in
	 * another process and times only part of what that process does (such as a child JVM
	 * timing {@code SpringApplication.run}, not its own start). Read after
	 * {@link #check()}.
	 * @return the time in nanoseconds, or empty to use the harness's clock around
	 * {@link #run()}
	 */
	default OptionalLong measuredNanos() {
		return OptionalLong.empty();
	}

	@Override
	default void close() {
	}

}
