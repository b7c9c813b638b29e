package dev.confiture.core.sql;

import java.util.Objects;
import java.util.StringJoiner;

import dev.confiture.core.sql.SqlLexer.Kind;

/**
 * One SQL statement of a script, with where it came from.
 *
 * @param sql the statement text from its first to its last token, without the terminating
 * {@code ;}; comments inside it are kept
 * @param line the 1-based line of the statement's first token in the script
 * @param copyData for {@code COPY ... FROM stdin}, the data lines that followed the
 * statement up to (not including) the {@code \.} line, each ending with {@code '\n'};
 * otherwise {@code null}
 */
public record SqlStatement(String sql, int line, String copyData) {

	public SqlStatement {
		Objects.requireNonNull(sql, "sql");
	}

	/** Whether this is a {@code COPY ... FROM stdin} that carries its own data. */
	public boolean isCopyFromStdin() {
		return this.copyData != null;
	}

	/**
	 * Return the first keywords of the statement, upper-cased and separated by single
	 * spaces, for classification: {@code "CREATE INDEX CONCURRENTLY"}, {@code "BEGIN"}.
	 * Comments are skipped; the keywords end early at the first token that is not a bare
	 * word (a quoted identifier, a string, a parenthesis).
	 * @param count how many keywords at most
	 * @return the keywords, empty if the statement does not start with a word
	 */
	public String leadingKeywords(int count) {
		if (count < 0) {
			throw new IllegalArgumentException("count must not be negative");
		}
		StringJoiner keywords = new StringJoiner(" ");
		SqlLexer lexer = new SqlLexer(this.sql, false);
		for (int i = 0; i < count && lexer.next() == Kind.WORD; i++) {
			keywords.add(lexer.upperCaseWord());
		}
		return keywords.toString();
	}

}
