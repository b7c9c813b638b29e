package dev.confiture.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a scenario: rounds of one repetition per contender, the first ones untimed
 * (warm-up), the order of the contenders rotating from round to round so that none always
 * runs first. Each repetition is prepared (fresh database, garbage collection) before the
 * clock starts and checked and cleaned up after it stops; the clock is
 * {@link System#nanoTime()} around {@link Trial#run()} only, unless the trial
 * {@link Trial#measuredNanos() reports its own time}.
 */
final class BenchmarkRunner {

	private final PrintStream progress;

	/**
	 * Creates a runner.
	 * @param progress where to report progress
	 */
	BenchmarkRunner(PrintStream progress) {
		this.progress = progress;
	}

	/**
	 * Runs a scenario.
	 * @param name the benchmark's name
	 * @param scenario what to run
	 * @param warmups untimed rounds
	 * @param runs measured rounds
	 * @return the result
	 * @throws Exception if a trial fails
	 */
	BenchmarkResult run(String name, Scenario scenario, int warmups, int runs) throws Exception {
		String loadBefore = LoadAverage.oneMinute();
		List<Contender> contenders = scenario.contenders();
		Map<String, List<Long>> samples = new LinkedHashMap<>();
		contenders.forEach((contender) -> samples.put(contender.name(), new ArrayList<>()));
		try {
			runRounds(name, contenders, samples, warmups, runs);
		}
		finally {
			contenders.forEach(Contender::close);
		}
		List<String> notes = new ArrayList<>(scenario.notes());
		contenders.forEach((contender) -> notes.addAll(contender.notes()));
		List<ContenderResult> results = samples.entrySet()
			.stream()
			.map((entry) -> new ContenderResult(entry.getKey(), entry.getValue()))
			.toList();
		return new BenchmarkResult(name, scenario.description(), warmups, runs, results, scenario.reference(),
				scenario.target(), scenario.target().evaluate(results), notes, loadBefore, LoadAverage.oneMinute());
	}

	private void runRounds(String name, List<Contender> contenders, Map<String, List<Long>> samples, int warmups,
			int runs) throws Exception {
		for (int round = 0; round < warmups + runs; round++) {
			boolean measured = round >= warmups;
			for (int i = 0; i < contenders.size(); i++) {
				Contender contender = contenders.get((round + i) % contenders.size());
				long nanos = runOnce(contender);
				if (measured) {
					samples.get(contender.name()).add(nanos);
				}
				this.progress.printf(Locale.ROOT, "  %s %s %d/%d  %-40s %9.1f ms%n", name, measured ? "run" : "warm-up",
						measured ? round - warmups + 1 : round + 1, measured ? runs : warmups, contender.name(),
						nanos / 1_000_000.0);
			}
		}
	}

	private static long runOnce(Contender contender) throws Exception {
		try (Trial trial = contender.newTrial()) {
			System.gc();
			long start = System.nanoTime();
			trial.run();
			long nanos = System.nanoTime() - start;
			trial.check();
			return trial.measuredNanos().orElse(nanos);
		}
	}

}
