package dev.confiture.benchmarks;

import java.util.List;
import java.util.Optional;

/**
 * What one benchmark measured.
 *
 * @param name the benchmark
 * @param description what was generated and measured
 * @param warmups untimed repetitions per contender
 * @param runs measured repetitions per contender
 * @param contenders the contenders' results
 * @param reference the contender that ratios are relative to, or {@code null}
 * @param target the target
 * @param verdict whether the target was met
 * @param notes remarks
 * @param loadBefore the one-minute load average when the benchmark started
 * @param loadAfter the one-minute load average when it ended
 */
record BenchmarkResult(String name, String description, int warmups, int runs, List<ContenderResult> contenders,
		String reference, Target target, Verdict verdict, List<String> notes, String loadBefore, String loadAfter) {

	BenchmarkResult {
		contenders = List.copyOf(contenders);
		notes = List.copyOf(notes);
	}

	/**
	 * A contender's median relative to the reference's.
	 * @param result the contender
	 * @return the ratio, or empty when there is no reference
	 */
	Optional<Double> ratio(ContenderResult result) {
		return this.contenders.stream()
			.filter((candidate) -> candidate.name().equals(this.reference))
			.findFirst()
			.map((reference) -> result.medianMillis() / reference.medianMillis());
	}

}
