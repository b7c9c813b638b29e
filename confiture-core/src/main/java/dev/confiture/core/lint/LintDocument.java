package dev.confiture.core.lint;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The JSON report of a lint run, as every adapter writes it: {@code ok} (no errors),
 * counts, findings, suppressed findings and notes.
 *
 * @param ok whether no finding is an error
 * @param measured whether the migrations ran on a shadow database
 * @param startingSchema what the shadow database was built from, or {@code null}
 * @param files the migration files linted
 * @param errors how many findings are errors
 * @param warnings how many findings are warnings
 * @param findings the findings
 * @param suppressed the findings a {@code -- confiture:allow} comment allows
 * @param notes what the lint could not check
 */
public record LintDocument(boolean ok, boolean measured, String startingSchema, List<String> files, int errors,
		int warnings, List<Finding> findings, List<Finding> suppressed, List<String> notes) {

	static LintDocument of(LintResult result) {
		return new LintDocument(!result.hasErrors(), result.measured(), result.startingSchema(), result.files(),
				result.errors().size(), result.warnings().size(), result.findings().stream().map(Finding::of).toList(),
				result.suppressed().stream().map(Finding::of).toList(), result.notes());
	}

	/**
	 * One finding of the report.
	 *
	 * @param rule the rule's id
	 * @param severity {@code error} or {@code warning}
	 * @param file the migration file
	 * @param line the statement's line
	 * @param object the object the statement locks, or {@code null}
	 * @param message what the statement does
	 * @param alternative the safe alternative
	 * @param lockMode the lock it takes, or {@code null}
	 * @param rewrite whether it rewrites the table
	 * @param measured whether the lock was measured on a shadow database
	 * @param rows the table's rows, or {@code null} when its size is unknown
	 * @param bytes the table's bytes, or {@code null} when its size is unknown
	 * @param reason the reason of the {@code -- confiture:allow} comment; only on a
	 * suppressed finding
	 */
	public record Finding(String rule, String severity, String file, int line, String object, String message,
			String alternative, String lockMode, boolean rewrite, boolean measured, Long rows, Long bytes,
			@JsonInclude(JsonInclude.Include.NON_NULL) String reason) {

		static Finding of(LintFinding finding) {
			TableSize size = finding.size();
			return new Finding(finding.rule().id(), finding.severity().name().toLowerCase(Locale.ROOT), finding.file(),
					finding.line(), finding.object(), finding.message(), finding.alternative(), finding.lockMode(),
					finding.rewrite(), finding.measured(), (size != null) ? size.rows() : null,
					(size != null) ? size.bytes() : null, finding.suppressed() ? finding.suppression() : null);
		}

	}

}
