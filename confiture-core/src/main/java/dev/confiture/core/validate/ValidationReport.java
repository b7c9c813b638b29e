package dev.confiture.core.validate;

import java.util.List;
import java.util.function.Function;

import dev.confiture.core.api.Remedy;

/**
 * The result of {@link GitSchemaValidator#validate}.
 *
 * @param base the old side: a ref or merge base with its abbreviated commit
 * @param target the new side: {@code HEAD} with its commit, or the index
 * @param changedFiles the schema files and migrations that differ, each with how it
 * changed ({@code db/schema/10_tables/users.sql (modified)})
 * @param databasesCreated how many throw-away databases the checks created (none when no
 * schema file or migration changed)
 * @param checks the checks, in the order they ran
 */
public record ValidationReport(String base, String target, List<String> changedFiles, int databasesCreated,
		List<CheckResult> checks) {

	public ValidationReport {
		changedFiles = List.copyOf(changedFiles);
		checks = List.copyOf(checks);
	}

	/**
	 * The same report with one more check.
	 * @param check the check
	 * @return the report
	 */
	public ValidationReport withCheck(CheckResult check) {
		List<CheckResult> all = new java.util.ArrayList<>(this.checks);
		all.add(check);
		return new ValidationReport(this.base, this.target, this.changedFiles, this.databasesCreated, all);
	}

	/** Whether every check passed. */
	public boolean passed() {
		return this.checks.stream().allMatch(CheckResult::passed);
	}

	/** The checks that failed. */
	public List<CheckResult> failures() {
		return this.checks.stream().filter((check) -> !check.passed()).toList();
	}

	/**
	 * The report as the plain text every adapter shows: revisions, each check, summary.
	 * @param environment the environment's name
	 * @param remedies how the adapter words the remedy of a failed check
	 * @return the lines, without line separators
	 */
	public List<String> lines(String environment, Function<Remedy, String> remedies) {
		return ValidationRenderer.render(environment, this, remedies);
	}

	/**
	 * One line: passed, or which checks failed.
	 * @return the summary
	 */
	public String summary() {
		return ValidationRenderer.summary(this);
	}

}
