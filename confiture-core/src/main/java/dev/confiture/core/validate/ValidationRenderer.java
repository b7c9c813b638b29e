package dev.confiture.core.validate;

import java.util.ArrayList;
import java.util.List;

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
	 * @return the lines, without line separators
	 */
	static List<String> render(String environment, ValidationReport report) {
		List<String> lines = new ArrayList<>();
		lines.add("Validating schema changes of environment " + environment + ": " + report.base() + " -> "
				+ report.target());
		for (CheckResult check : report.checks()) {
			lines.add(check.name() + ": " + check.status().name());
			check.details().forEach((detail) -> lines.add("  " + detail));
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
