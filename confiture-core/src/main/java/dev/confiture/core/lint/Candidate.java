package dev.confiture.core.lint;

/**
 * What the text of a statement suggests, before existence and measurement decide.
 *
 * @param rule the rule
 * @param target the table (or index, when {@code targetIsIndex}) named by the statement,
 * as written, or {@code null}
 * @param targetIsIndex whether the target is an index
 * @param existingOnly whether the finding applies only when the target existed before the
 * migration
 * @param message what the statement does
 * @param column the column for {@code SET NOT NULL}, else {@code null}
 */
record Candidate(LintRule rule, String target, boolean targetIsIndex, boolean existingOnly, String message,
		String column) {

	static Candidate onExisting(LintRule rule, String target, String message) {
		return new Candidate(rule, target, false, true, message, null);
	}

	static Candidate always(LintRule rule, String target, String message) {
		return new Candidate(rule, target, false, false, message, null);
	}

}
