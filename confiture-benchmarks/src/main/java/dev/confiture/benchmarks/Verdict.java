package dev.confiture.benchmarks;

/**
 * Whether a benchmark met its target.
 *
 * @param outcome met, not met, or not evaluated
 * @param detail the figure compared with the target
 */
record Verdict(Outcome outcome, String detail) {

	/** The result of comparing a figure with a target. */
	enum Outcome {

		MET("met"), NOT_MET("NOT met"), NOT_EVALUATED("not evaluated");

		private final String text;

		Outcome(String text) {
			this.text = text;
		}

		String text() {
			return this.text;
		}

	}

}
