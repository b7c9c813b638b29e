package dev.confiture.benchmarks;

import java.util.List;

/**
 * What a prepared benchmark runs.
 *
 * @param description what is generated and measured, for the report
 * @param contenders the contenders, the first being Confiture's
 * @param reference the name of the contender that ratios are relative to, or {@code null}
 * @param target the target to evaluate
 * @param notes remarks for the report, such as a contender that was skipped
 */
record Scenario(String description, List<Contender> contenders, String reference, Target target, List<String> notes) {

	Scenario {
		contenders = List.copyOf(contenders);
		notes = List.copyOf(notes);
	}

}
