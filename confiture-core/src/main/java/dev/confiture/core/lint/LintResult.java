package dev.confiture.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.confiture.core.validate.CheckResult;
import dev.confiture.core.validate.GitSchemaValidator;

/**
 * What {@code migrate lint} found.
 *
 * @param files the migration files linted, relative to the project
 * @param findings the findings that are not suppressed: errors first, then the largest
 * tables
 * @param suppressed the findings suppressed by {@code -- confiture:allow}, with their
 * reasons
 * @param measured whether statements were run on a shadow database
 * @param startingSchema where the shadow database's schema came from (e.g. "the live
 * database"), or {@code null} when nothing was measured
 * @param notes things the user should know, such as why nothing was measured
 */
public record LintResult(List<String> files, List<LintFinding> findings, List<LintFinding> suppressed, boolean measured,
		String startingSchema, List<String> notes) {

	/** The JSON schema of the SARIF document, {@link #sarif()}. */
	public static final String SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

	public LintResult {
		files = List.copyOf(files);
		findings = List.copyOf(findings);
		suppressed = List.copyOf(suppressed);
		notes = List.copyOf(notes);
	}

	/** The findings of severity error. */
	public List<LintFinding> errors() {
		return this.findings.stream().filter((finding) -> finding.severity() == LintSeverity.ERROR).toList();
	}

	/** The findings of severity warning. */
	public List<LintFinding> warnings() {
		return this.findings.stream().filter((finding) -> finding.severity() == LintSeverity.WARNING).toList();
	}

	/**
	 * This result as the {@code lint} check of a validation: failed when the mode is
	 * {@link LintMode#FAIL} and there are errors; the details list the findings with
	 * their safe alternative, the suppressed ones with their reason, and the notes.
	 * @param mode the lint mode
	 * @return the check
	 */
	public CheckResult validationCheck(LintMode mode) {
		List<String> details = new ArrayList<>();
		if (this.files.isEmpty() && this.notes.isEmpty()) {
			details.add("No migration was added");
		}
		for (LintFinding finding : this.findings) {
			details.add(finding + " Safe alternative: " + finding.alternative());
		}
		for (LintFinding finding : this.suppressed) {
			details.add(finding.location() + ": " + finding.rule().id() + " allowed by -- confiture:allow: "
					+ finding.suppression());
		}
		if (!this.files.isEmpty()) {
			details.add(this.files.size() + " added migration(s) linted"
					+ (this.measured ? ", measured on a shadow " + "database built from " + this.startingSchema
							: ", from the statements' text")
					+ ": " + errors().size() + " error(s), " + warnings().size() + " warning(s)");
		}
		details.addAll(this.notes);
		boolean failed = mode == LintMode.FAIL && hasErrors();
		return new CheckResult(GitSchemaValidator.LINT, failed ? CheckResult.Status.FAILED : CheckResult.Status.PASSED,
				details);
	}

	/** Whether any finding is an error. */
	public boolean hasErrors() {
		return !errors().isEmpty();
	}

	/**
	 * The text report, one entry per line: what was linted, each finding with its safe
	 * alternative, the allowed ones, the notes and a summary.
	 * @param environment the environment name
	 * @return the lines
	 */
	public List<String> lines(String environment) {
		return LintDocuments.lines(environment, this);
	}

	/**
	 * The JSON report: {@code ok} (no errors), counts, findings, suppressed findings and
	 * notes.
	 * @return the document, ordered, for a JSON writer
	 */
	public LintDocument document() {
		return LintDocument.of(this);
	}

	/**
	 * The findings as a SARIF 2.1.0 log, e.g. for GitHub code scanning.
	 * @return the document, ordered, for a JSON writer
	 */
	public Map<String, Object> sarif() {
		return LintDocuments.sarif(this);
	}

}
