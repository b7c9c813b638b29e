package dev.confiture.benchmarks;

import java.util.List;

/**
 * The measured wall times of one contender.
 *
 * @param name the contender
 * @param nanos the measured repetitions, in nanoseconds, in the order they ran
 */
record ContenderResult(String name, List<Long> nanos) {

	ContenderResult {
		nanos = List.copyOf(nanos);
	}

	/**
	 * The median, in milliseconds (the mean of the two middle values for an even count).
	 */
	double medianMillis() {
		List<Long> sorted = this.nanos.stream().sorted().toList();
		int middle = sorted.size() / 2;
		double median = (sorted.size() % 2 == 1) ? sorted.get(middle)
				: (sorted.get(middle - 1) + sorted.get(middle)) / 2.0;
		return median / 1_000_000.0;
	}

	/** The fastest repetition, in milliseconds. */
	double minMillis() {
		return this.nanos.stream().mapToLong(Long::longValue).min().orElseThrow() / 1_000_000.0;
	}

	/** Every repetition, in milliseconds. */
	List<Double> millis() {
		return this.nanos.stream().map((nanos) -> nanos / 1_000_000.0).toList();
	}

}
