package dev.confiture.core.sql;

import java.util.ArrayList;
import java.util.List;

import dev.confiture.core.sql.SqlLexer.Kind;

/**
 * Splits one script into statements: a single forward pass over the tokens of a
 * {@link SqlLexer}, plus the data lines of each {@code COPY ... FROM stdin}.
 */
final class ScriptSplitter {

	private static final String META_COMMAND_HINT = "Confiture runs plain SQL and does not run psql meta-commands"
			+ " (\\i, \\set, \\connect, ...); replace it with SQL or move the SQL it includes into the schema files.";

	private final String source;

	private final String text;

	private final LineIndex lines;

	private final SqlLexer lexer;

	ScriptSplitter(String source, String text) {
		this.source = source;
		this.text = text;
		this.lines = new LineIndex(text);
		this.lexer = new SqlLexer(text, false);
	}

	List<SqlStatement> split() {
		List<SqlStatement> statements = new ArrayList<>();
		StatementTracker statement = new StatementTracker();
		for (;;) {
			Kind kind = this.lexer.next();
			if (kind == Kind.END) {
				if (statement.hasStarted()) {
					statements.add(statement(statement, this.text.length()));
				}
				return statements;
			}
			if (kind == Kind.UNTERMINATED) {
				throw error(this.lexer.start(), this.lexer.problem(), this.lexer.hint());
			}
			if (kind == Kind.META_COMMAND) {
				throw error(this.lexer.start(),
						"psql meta-command " + abbreviate(this.lexer.text()) + " is not supported", META_COMMAND_HINT);
			}
			if (statement.isTerminator(this.lexer)) {
				if (statement.hasStarted()) {
					statements.add(statement(statement, this.lexer.end()));
				}
				statement.reset();
			}
			else {
				statement.accept(this.lexer);
			}
		}
	}

	private SqlStatement statement(StatementTracker statement, int end) {
		String sql = this.text.substring(statement.start(), statement.end());
		int line = this.lines.lineAt(statement.start());
		if (!statement.isCopyFromStdin()) {
			return new SqlStatement(sql, line, null);
		}
		int dataStart = copyDataStart(end, statement.start());
		StringBuilder data = new StringBuilder();
		int lineStart = dataStart;
		while (lineStart < this.text.length()) {
			int lineEnd = lineEnd(lineStart);
			if (lineEnd - lineStart == 2 && this.text.startsWith("\\.", lineStart)) {
				this.lexer.resume(nextLine(lineEnd));
				return new SqlStatement(sql, line, data.toString());
			}
			data.append(this.text, lineStart, lineEnd).append('\n');
			lineStart = nextLine(lineEnd);
		}
		throw missingCopyTerminator(statement.start());
	}

	/**
	 * Return where the data of a COPY starts: on the line after the statement, which may
	 * only be followed by whitespace or a line comment.
	 */
	private int copyDataStart(int afterStatement, int copyStart) {
		int index = afterStatement;
		while (index < this.text.length() && SqlLexer.isWhitespace(this.text.charAt(index))
				&& !isLineBreak(this.text.charAt(index))) {
			index++;
		}
		if (this.text.startsWith("--", index)) {
			index = lineEnd(index);
		}
		if (index < this.text.length() && !isLineBreak(this.text.charAt(index))) {
			throw error(index, "unexpected text after COPY ... FROM stdin on the same line",
					"Start the COPY data on the line after the statement.");
		}
		if (index >= this.text.length()) {
			throw missingCopyTerminator(copyStart);
		}
		return nextLine(index);
	}

	private int lineEnd(int from) {
		int index = from;
		while (index < this.text.length() && !isLineBreak(this.text.charAt(index))) {
			index++;
		}
		return index;
	}

	private int nextLine(int lineEnd) {
		if (lineEnd >= this.text.length()) {
			return lineEnd;
		}
		boolean crlf = this.text.charAt(lineEnd) == '\r' && lineEnd + 1 < this.text.length()
				&& this.text.charAt(lineEnd + 1) == '\n';
		return lineEnd + (crlf ? 2 : 1);
	}

	private SqlSyntaxException missingCopyTerminator(int copyStart) {
		return error(copyStart, "COPY ... FROM stdin has no terminating \\. line",
				"End the data with a line that holds only \\. (as pg_dump writes it).");
	}

	private SqlSyntaxException error(int offset, String problem, String hint) {
		return new SqlSyntaxException(this.source, this.lines.lineAt(offset), problem, hint);
	}

	private static boolean isLineBreak(char c) {
		return c == '\n' || c == '\r';
	}

	private static String abbreviate(String command) {
		return (command.length() <= 40) ? command : command.substring(0, 40) + "...";
	}

	/**
	 * Follows the tokens of one statement: where it starts and ends, how deep it is
	 * inside parentheses and {@code BEGIN ATOMIC ... END} bodies (where a semicolon does
	 * not end it), and whether it is a {@code COPY ... FROM stdin}.
	 */
	private static final class StatementTracker {

		private int start = -1;

		private int end;

		private int parenthesisDepth;

		private int atomicDepth;

		private boolean copy;

		private boolean copyFromStdin;

		private boolean afterBegin;

		private boolean afterFrom;

		boolean isTerminator(SqlLexer lexer) {
			return lexer.isSymbol(';') && this.parenthesisDepth == 0 && this.atomicDepth == 0;
		}

		void accept(SqlLexer lexer) {
			if (this.start < 0) {
				this.start = lexer.start();
				this.copy = lexer.isWord("COPY");
			}
			this.end = lexer.end();
			boolean previousWasBegin = this.afterBegin;
			boolean previousWasFrom = this.afterFrom;
			this.afterBegin = false;
			this.afterFrom = false;
			if (lexer.isSymbol('(')) {
				this.parenthesisDepth++;
			}
			else if (lexer.isSymbol(')')) {
				this.parenthesisDepth = Math.max(0, this.parenthesisDepth - 1);
			}
			else if (lexer.kind() == Kind.WORD && this.parenthesisDepth == 0) {
				acceptWord(lexer, previousWasBegin, previousWasFrom);
			}
		}

		private void acceptWord(SqlLexer lexer, boolean previousWasBegin, boolean previousWasFrom) {
			if (previousWasFrom && this.copy && lexer.isWord("STDIN")) {
				this.copyFromStdin = true;
			}
			else if (previousWasBegin && lexer.isWord("ATOMIC")) {
				this.atomicDepth++;
			}
			else if (this.atomicDepth > 0 && lexer.isWord("CASE")) {
				this.atomicDepth++;
			}
			else if (this.atomicDepth > 0 && lexer.isWord("END")) {
				this.atomicDepth--;
			}
			this.afterBegin = lexer.isWord("BEGIN");
			this.afterFrom = lexer.isWord("FROM");
		}

		boolean hasStarted() {
			return this.start >= 0;
		}

		int start() {
			return this.start;
		}

		int end() {
			return this.end;
		}

		boolean isCopyFromStdin() {
			return this.copyFromStdin;
		}

		void reset() {
			this.start = -1;
			this.end = 0;
			this.parenthesisDepth = 0;
			this.atomicDepth = 0;
			this.copy = false;
			this.copyFromStdin = false;
			this.afterBegin = false;
			this.afterFrom = false;
		}

	}

}
