package dev.confiture.core.lint;

/**
 * One thing a migration would do to a live table.
 *
 * @param rule the rule
 * @param file the migration file, relative to the project
 * @param line the 1-based line of the statement
 * @param object the table (or type) concerned, schema-qualified when known
 * @param message what the statement does, with what was measured
 * @param lockMode the strongest lock the migration holds on the object after the
 * statement, as PostgreSQL names it (e.g. {@code AccessExclusiveLock}), or {@code null}
 * if not measured
 * @param rewrite whether the object's storage was rewritten (measured)
 * @param measured whether the statement was run on a shadow database
 * @param size the object's size in the live database, or {@code null}
 * @param suppression the reason given in {@code -- confiture:allow}, or {@code null}
 */
public record LintFinding(LintRule rule, String file, int line, String object, String message, String lockMode,
		boolean rewrite, boolean measured, TableSize size, String suppression) {

	/** The severity of the rule. */
	public LintSeverity severity() {
		return this.rule.severity();
	}

	/** The safe alternative of the rule. */
	public String alternative() {
		return this.rule.alternative();
	}

	/** Where, as {@code file:line}. */
	public String location() {
		return this.file + ":" + this.line;
	}

	/** Whether a {@code -- confiture:allow} comment suppresses it. */
	public boolean suppressed() {
		return this.suppression != null;
	}

	LintFinding withSize(TableSize size) {
		return new LintFinding(this.rule, this.file, this.line, this.object, this.message, this.lockMode, this.rewrite,
				this.measured, size, this.suppression);
	}

	LintFinding withSuppression(String reason) {
		return new LintFinding(this.rule, this.file, this.line, this.object, this.message, this.lockMode, this.rewrite,
				this.measured, this.size, reason);
	}

	/** One line for people: {@code file:line: ERROR rule-id: message (object, size)}. */
	@Override
	public String toString() {
		return location() + ": " + severity() + " " + this.rule.id() + ": " + this.message
				+ ((this.size != null) ? " [" + this.object + ": " + this.size + "]" : "");
	}

}
