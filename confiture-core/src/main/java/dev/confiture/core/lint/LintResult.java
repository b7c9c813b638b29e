package dev.confiture.core.lint;

import java.util.List;
import java.util.Map;

/**
 * What {@code migrate lint} found.
 *
 * @param files the migration files linted, relative to the project
 * @param findings the findings that are not suppressed: errors first, then the largest tables
 * @param suppressed the findings suppressed by {@code -- confiture:allow}, with their reasons
 * @param measured whether statements were run on a shadow database
 * @param startingSchema where the shadow database's schema came from (e.g. "the live database"),
 * or {@code null} when nothing was measured
 * @param notes things the user should know, such as why nothing was measured
 */
public record LintResult(List<String> files, List<LintFinding> findings, List<LintFinding> suppressed,
		boolean measured, String startingSchema, List<String> notes) {

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
	 * The JSON report: {@code ok} (no errors), counts, findings, suppressed findings and notes.
	 * @return the document, ordered, for a JSON writer
	 */
	public Map<String, Object> document() {
		return LintDocuments.json(this);
	}

	/**
	 * The findings as a SARIF 2.1.0 log, e.g. for GitHub code scanning.
	 * @return the document, ordered, for a JSON writer
	 */
	public Map<String, Object> sarif() {
		return LintDocuments.sarif(this);
	}

}
