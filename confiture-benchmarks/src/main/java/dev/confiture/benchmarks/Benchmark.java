package dev.confiture.benchmarks;

import java.io.IOException;

/**
 * A named comparison: it generates its input once, then the harness runs its contenders.
 */
interface Benchmark {

	/** The name used on the command line, such as {@code build-vs-psql}. */
	String name();

	/** One line saying what is compared. */
	String summary();

	/** Untimed repetitions of every contender before the measured ones. */
	int defaultWarmups();

	/** Measured repetitions of every contender. */
	int defaultRuns();

	/**
	 * Generates the input and names the contenders.
	 * @param context the server, the work directory and the external tools
	 * @return what to run
	 * @throws IOException if the input cannot be written
	 */
	Scenario prepare(BenchmarkContext context) throws IOException;

}
