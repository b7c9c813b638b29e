package dev.confiture.core.validate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.confiture.core.api.Remedy;

/**
 * Writes a {@link ValidationReport} as the plain text every adapter shows: the compared
 * revisions, each check with its details, and a summary.
 */
final class ValidationRenderer {

	private ValidationRenderer() {
	}

	/**
	 * The report as lines of text.
	 * @param environment the environment's name
	 * @param report the report
	 * @param remedies how the adapter words the remedy of a failed check
	 * @return the lines, without line separators
	 */
	static List<String> render(String environment, ValidationReport report, Function<Remedy, String> remedies) {
		List<String> lines = new ArrayList<>();
		lines.add("Validating schema changes of environment " + environment + ": " + report.base() + " -> "
				+ report.target());
		for (CheckResult check : report.checks()) {
			lines.add(check.name() + ": " + check.status().name());
			check.details().forEach((detail) -> lines.add("  " + detail));
			if (check.remedy() != null) {
				lines.add("  " + remedies.apply(check.remedy()) + ".");
			}
		}
		lines.add(summary(report));
		return lines;
	}

	/**
	 * One line: passed, or which checks failed.
	 * @param report the report
	 * @return the summary
	 */
	static String summary(ValidationReport report) {
		if (report.passed()) {
			return "Validation passed.";
		}
		List<String> problems = new ArrayList<>();
		for (CheckResult check : report.failures()) {
			problems.add(GitSchemaValidator.REQUIRE_MIGRATION.equals(check.name()) ? "missing migration"
					: GitSchemaValidator.LINT.equals(check.name()) ? "lint errors in the added migrations"
							: "schema drift detected");
		}
		return "Validation failed: " + String.join(", ", problems) + ".";
	}

}
