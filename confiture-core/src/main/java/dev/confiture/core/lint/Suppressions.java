package dev.confiture.core.lint;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.sql.SqlStatement;

/**
 * The {@code -- confiture:allow RULE reason} comments of one file: above a statement for
 * that statement, before the first statement for the whole file. The reason is required.
 */
final class Suppressions {

	private static final Pattern ALLOW = Pattern.compile("^\\s*--\\s*confiture:allow\\b\\s*(\\S*)\\s*(.*?)\\s*$");

	private final List<Entry> entries;

	private Suppressions(List<Entry> entries) {
		this.entries = entries;
	}

	/**
	 * Reads the comments of a file.
	 * @param file the file, for messages
	 * @param text the file's text
	 * @param statements its statements
	 * @return the suppressions
	 * @throws ConfitureException if a comment names an unknown rule or gives no reason
	 */
	static Suppressions parse(String file, String text, List<SqlStatement> statements) {
		List<Entry> entries = new ArrayList<>();
		String[] lines = text.split("\r\n|\r|\n", -1);
		int firstStatement = statements.isEmpty() ? Integer.MAX_VALUE : statements.get(0).line();
		for (int i = 0; i < lines.length; i++) {
			Matcher matcher = ALLOW.matcher(lines[i]);
			if (!matcher.matches()) {
				continue;
			}
			int line = i + 1;
			String id = matcher.group(1);
			LintRule rule = LintRule.of(id)
				.orElseThrow(() -> new ConfitureException(Category.SCHEMA,
						file + ":" + line + ": unknown lint rule '" + id + "' in -- confiture:allow", "Use one of: "
								+ String.join(", ", Arrays.stream(LintRule.values()).map(LintRule::id).toList())));
			String reason = matcher.group(2);
			if (reason.isEmpty()) {
				throw new ConfitureException(Category.SCHEMA,
						file + ":" + line + ": -- confiture:allow " + rule.id() + " gives no reason",
						"Say why it is safe, e.g. -- confiture:allow " + rule.id()
								+ " table is empty until release 4.2");
			}
			int applies = -1;
			if (line < firstStatement) {
				applies = 0;
			}
			else {
				for (SqlStatement statement : statements) {
					if (statement.line() > line) {
						applies = statement.line();
						break;
					}
				}
			}
			entries.add(new Entry(rule, applies, reason));
		}
		return new Suppressions(entries);
	}

	/**
	 * The reason a finding is allowed.
	 * @param rule the rule
	 * @param line the statement's line
	 * @return the reason, or {@code null} when not suppressed
	 */
	String reason(LintRule rule, int line) {
		for (Entry entry : this.entries) {
			if (entry.rule() == rule && (entry.line() == 0 || entry.line() == line)) {
				return entry.reason();
			}
		}
		return null;
	}

	private record Entry(LintRule rule, int line, String reason) {

	}

}
