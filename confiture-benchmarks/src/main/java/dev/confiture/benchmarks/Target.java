package dev.confiture.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import dev.confiture.benchmarks.Verdict.Outcome;

/**
 * A benchmark's target, on medians: a ratio of two contenders' medians at most some
 * value, one contender's median at most some time, or one contender adding less time than
 * another over a baseline contender.
 */
final class Target {

	private final String text;

	private final String subject;

	private final String reference;

	private final double limit;

	private final String baseline;

	private final List<Target> all;

	private final double fraction;

	private Target(String text, String subject, String reference, double limit) {
		this(text, subject, reference, limit, null);
	}

	private Target(String text, String subject, String reference, double limit, String baseline) {
		this(text, subject, reference, limit, baseline, List.of(), 0);
	}

	private Target(String text, String subject, String reference, double limit, String baseline, List<Target> all,
			double fraction) {
		this.text = text;
		this.subject = subject;
		this.reference = reference;
		this.limit = limit;
		this.baseline = baseline;
		this.all = List.copyOf(all);
		this.fraction = fraction;
	}

	/**
	 * Several targets, met when all are met.
	 * @param text the target as the issue states it
	 * @param targets the parts
	 * @return the target
	 */
	static Target allOf(String text, Target... targets) {
		return new Target(text, null, null, 0, null, List.of(targets), 0);
	}

	/**
	 * The median of {@code subject} minus the median of {@code baseline} (the time
	 * {@code subject} adds) is at most {@code fraction} of the median of {@code other}
	 * minus the same baseline. The detail also gives the share computed from the means,
	 * the minimums and the rounds' own differences, to show how far the noise moves it.
	 * @param text the target as the issue states it
	 * @param subject the contender measured
	 * @param other the contender compared with
	 * @param baseline the contender without either addition
	 * @param fraction the largest share of the other's addition that meets the target
	 * @return the target
	 */
	static Target addsAtMostShareOf(String text, String subject, String other, String baseline, double fraction) {
		return new Target(text, subject, other, 0, baseline, List.of(), fraction);
	}

	/**
	 * The median of {@code subject} minus the median of {@code baseline} (the time
	 * {@code subject} adds) is less than the median of {@code other} minus the same
	 * baseline.
	 * @param text the target as the issue states it
	 * @param subject the contender measured
	 * @param other the contender compared with
	 * @param baseline the contender without either addition
	 * @return the target
	 */
	static Target addsLessThan(String text, String subject, String other, String baseline) {
		return new Target(text, subject, other, 0, baseline);
	}

	/**
	 * The median of {@code subject} divided by the median of {@code reference} is at most
	 * {@code maxRatio}.
	 * @param text the target as the issue states it
	 * @param subject the contender measured
	 * @param reference the contender compared with
	 * @param maxRatio the largest ratio that meets the target
	 * @return the target
	 */
	static Target ratioAtMost(String text, String subject, String reference, double maxRatio) {
		return new Target(text, subject, reference, maxRatio);
	}

	/**
	 * The median of {@code subject} is at most {@code maxMillis}.
	 * @param text the target as the issue states it
	 * @param subject the contender measured
	 * @param maxMillis the longest median that meets the target
	 * @return the target
	 */
	static Target medianAtMost(String text, String subject, double maxMillis) {
		return new Target(text, subject, null, maxMillis);
	}

	/**
	 * No target: the benchmark is a diagnostic.
	 * @param text what to show instead of a target
	 * @return the target
	 */
	static Target none(String text) {
		return new Target(text, null, null, 0);
	}

	/** The target as the issue states it. */
	String text() {
		return this.text;
	}

	/**
	 * Compares the results with the target.
	 * @param results the contenders' results
	 * @return the verdict
	 */
	Verdict evaluate(List<ContenderResult> results) {
		if (!this.all.isEmpty()) {
			List<Verdict> verdicts = this.all.stream().map((target) -> target.evaluate(results)).toList();
			Outcome outcome = verdicts.stream().anyMatch((verdict) -> verdict.outcome() == Outcome.NOT_EVALUATED)
					? Outcome.NOT_EVALUATED : verdicts.stream().allMatch((verdict) -> verdict.outcome() == Outcome.MET)
							? Outcome.MET : Outcome.NOT_MET;
			StringBuilder detail = new StringBuilder();
			for (int i = 0; i < verdicts.size(); i++) {
				detail.append((i > 0) ? "; " : "")
					.append(this.all.get(i).text())
					.append(": ")
					.append(verdicts.get(i).outcome().text())
					.append(", ")
					.append(verdicts.get(i).detail());
			}
			return new Verdict(outcome, detail.toString());
		}
		if (this.subject == null) {
			return new Verdict(Outcome.NOT_EVALUATED, "-");
		}
		Optional<ContenderResult> subject = find(results, this.subject);
		if (subject.isEmpty()) {
			return new Verdict(Outcome.NOT_EVALUATED, this.subject + " did not run");
		}
		if (this.reference == null) {
			double median = subject.get().medianMillis();
			return new Verdict((median <= this.limit) ? Outcome.MET : Outcome.NOT_MET,
					String.format(Locale.ROOT, "median %.1f ms (limit %.0f ms)", median, this.limit));
		}
		Optional<ContenderResult> reference = find(results, this.reference);
		if (reference.isEmpty()) {
			return new Verdict(Outcome.NOT_EVALUATED, this.reference + " did not run");
		}
		if (this.baseline != null) {
			Optional<ContenderResult> baseline = find(results, this.baseline);
			if (baseline.isEmpty()) {
				return new Verdict(Outcome.NOT_EVALUATED, this.baseline + " did not run");
			}
			if (this.fraction > 0) {
				double added = subject.get().medianMillis() - baseline.get().medianMillis();
				double otherAdded = reference.get().medianMillis() - baseline.get().medianMillis();
				return new Verdict((added <= this.fraction * otherAdded) ? Outcome.MET : Outcome.NOT_MET,
						String.format(Locale.ROOT,
								"over %s, %s adds %.1f ms and %s adds %.1f ms (%.2fx; limit %.2fx); the same share "
										+ "from the means %.2fx, the minimums %.2fx, the medians of the rounds' own "
										+ "differences %.2fx",
								this.baseline, this.subject, added, this.reference, otherAdded, added / otherAdded,
								this.fraction, share(subject.get(), reference.get(), baseline.get(), Target::mean),
								share(subject.get(), reference.get(), baseline.get(), ContenderResult::minMillis),
								pairedAddition(subject.get(), baseline.get())
										/ pairedAddition(reference.get(), baseline.get())));
			}
			double added = subject.get().medianMillis() - baseline.get().medianMillis();
			double otherAdded = reference.get().medianMillis() - baseline.get().medianMillis();
			return new Verdict((added < otherAdded) ? Outcome.MET : Outcome.NOT_MET,
					String.format(Locale.ROOT, "over %s, %s adds %.1f ms and %s adds %.1f ms (%.2fx)", this.baseline,
							this.subject, added, this.reference, otherAdded, added / otherAdded));
		}
		double ratio = subject.get().medianMillis() / reference.get().medianMillis();
		return new Verdict((ratio <= this.limit) ? Outcome.MET : Outcome.NOT_MET,
				String.format(Locale.ROOT, "%s / %s = %.2f (limit %.2f; %s is %.2fx as fast)", this.subject,
						this.reference, ratio, this.limit, this.subject, 1 / ratio));
	}

	private static double share(ContenderResult subject, ContenderResult other, ContenderResult baseline,
			java.util.function.ToDoubleFunction<ContenderResult> statistic) {
		return (statistic.applyAsDouble(subject) - statistic.applyAsDouble(baseline))
				/ (statistic.applyAsDouble(other) - statistic.applyAsDouble(baseline));
	}

	private static double mean(ContenderResult result) {
		return result.millis().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
	}

	/**
	 * The median over the rounds of what {@code subject} took more than {@code baseline}
	 * in the same round.
	 */
	static double pairedAddition(ContenderResult subject, ContenderResult baseline) {
		List<Double> mine = subject.millis();
		List<Double> base = baseline.millis();
		List<Double> differences = new java.util.ArrayList<>();
		for (int i = 0; i < Math.min(mine.size(), base.size()); i++) {
			differences.add(mine.get(i) - base.get(i));
		}
		return new ContenderResult("differences",
				differences.stream().map((millis) -> Math.round(millis * 1e6)).toList())
			.medianMillis();
	}

	private static Optional<ContenderResult> find(List<ContenderResult> results, String name) {
		return results.stream().filter((result) -> result.name().equals(name)).findFirst();
	}

}
