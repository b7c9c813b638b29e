package dev.confiture.core.sql;

import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.Remedy;

/**
 * A statement that PostgreSQL rejected, with where it came from and the server's own
 * message, detail and hint. The message reads {@code source:line: message (SQLSTATE x)},
 * then PostgreSQL's detail, hint and context and the statement, each on a line of its
 * own. This is the one place where a {@link SQLException} becomes what the user reads.
 */
public class SqlExecutionException extends ConfitureException {

	private static final String NEW_LINE = System.lineSeparator();

	private static final Pattern BODY_CONTEXT = Pattern.compile(
			"^(?:PL/pgSQL function inline_code_block line|compilation of PL/pgSQL function \\S+ near line) (\\d+)");

	private static final Pattern DOLLAR_QUOTE = Pattern.compile("\\$(?:[A-Za-z_][A-Za-z_0-9]*)?\\$");

	private final String source;

	private final int line;

	private final String sqlState;

	SqlExecutionException(Category category, String source, int line, String sqlState, String message, String hint,
			Throwable cause) {
		this(category, source, line, sqlState, message, hint, null, cause);
	}

	private SqlExecutionException(Category category, String source, int line, String sqlState, String message,
			String hint, Remedy remedy, Throwable cause) {
		super(category, message, hint, remedy, cause);
		this.source = source;
		this.line = line;
		this.sqlState = sqlState;
	}

	/**
	 * The failure of one statement of a script. The line is that of PostgreSQL's error
	 * position inside the statement when the server gives one, otherwise that of the
	 * statement's first token.
	 * @param category the kind of failure
	 * @param source the script, as the user knows it (a relative path)
	 * @param statement the statement that failed
	 * @param ex the failure
	 * @return the exception, without a hint
	 */
	public static SqlExecutionException of(Category category, String source, SqlStatement statement, SQLException ex) {
		ServerErrorMessage server = serverMessage(ex);
		int line = statement.line() + linesBefore(statement.sql(), (server != null) ? server.getPosition() : 0);
		if (server != null && server.getPosition() == 0) {
			line += bodyLine(statement.sql(), server.getWhere());
		}
		String message = source + ":" + line + ": " + describe(ex) + NEW_LINE + "  Statement: "
				+ abbreviate(statement.sql());
		return new SqlExecutionException(category, source, line, ex.getSQLState(), message, null, ex);
	}

	/**
	 * A failure that is not tied to a statement of a script, such as one of the
	 * statements a Java migration runs: {@code source: message (SQLSTATE x)} and
	 * PostgreSQL's detail, hint and context. Its {@link #line()} is 0.
	 * @param category the kind of failure
	 * @param source what ran the statement: a file or a class name
	 * @param ex the failure
	 * @return the exception, without a hint
	 */
	public static SqlExecutionException of(Category category, String source, SQLException ex) {
		return new SqlExecutionException(category, source, 0, ex.getSQLState(), source + ": " + describe(ex), null, ex);
	}

	/**
	 * Describes a failure as Confiture reports it: PostgreSQL's message and SQLSTATE,
	 * then its detail, hint and context, each on a line of its own. No location.
	 * @param ex the failure
	 * @return the description
	 */
	public static String describe(SQLException ex) {
		ServerErrorMessage server = serverMessage(ex);
		StringBuilder text = new StringBuilder((server != null) ? server.getMessage() : ex.getMessage());
		if (ex.getSQLState() != null) {
			text.append(" (SQLSTATE ").append(ex.getSQLState()).append(')');
		}
		if (server != null) {
			append(text, "Detail", server.getDetail());
			append(text, "PostgreSQL hint", server.getHint());
			append(text, "Where", server.getWhere());
		}
		return text.toString();
	}

	/**
	 * This failure with a hint that says what to do.
	 * @param hint the hint
	 * @return a new exception
	 */
	public SqlExecutionException withHint(String hint) {
		return new SqlExecutionException(category(), this.source, this.line, this.sqlState, getMessage(), hint,
				getCause());
	}

	/**
	 * This failure as part of a larger operation, such as a migration: the message
	 * becomes {@code summary}, then this failure's message on the next line, then
	 * {@code consequences} on a line of their own. Source, line and SQLSTATE stay the
	 * same.
	 * @param summary what failed and what became of the operation
	 * @param consequences what the failure left behind, or {@code null}
	 * @param hint what to do
	 * @return a new exception
	 */
	public SqlExecutionException withContext(String summary, String consequences, String hint) {
		String message = summary + NEW_LINE + getMessage() + ((consequences != null) ? NEW_LINE + consequences : "");
		return new SqlExecutionException(category(), this.source, this.line, this.sqlState, message, hint, getCause());
	}

	/**
	 * This failure as part of a larger operation, with a remedy for each adapter to word
	 * instead of a hint.
	 * @param summary what failed and what became of the operation
	 * @param consequences what the failure left behind, or {@code null}
	 * @param remedy what to do
	 * @return a new exception
	 * @see #withContext(String, String, String)
	 */
	public SqlExecutionException withContext(String summary, String consequences, Remedy remedy) {
		String message = summary + NEW_LINE + getMessage() + ((consequences != null) ? NEW_LINE + consequences : "");
		return new SqlExecutionException(category(), this.source, this.line, this.sqlState, message, null, remedy,
				getCause());
	}

	/** The script (or class) that failed, as named to the executor. */
	public String source() {
		return this.source;
	}

	/** The 1-based line of the failure in the script, or 0 if unknown. */
	public int line() {
		return this.line;
	}

	/** PostgreSQL's SQLSTATE, or {@code null}. */
	public String sqlState() {
		return this.sqlState;
	}

	/**
	 * Lines from the statement's first line to the failing line of a PL/pgSQL body of the
	 * statement itself (a {@code DO} block, or a function being compiled), as
	 * PostgreSQL's context gives it ("inline_code_block line 3"); 0 when the failure is
	 * elsewhere.
	 */
	private static int bodyLine(String sql, String where) {
		if (where == null) {
			return 0;
		}
		String innermost = where.lines().findFirst().orElse("");
		Matcher context = BODY_CONTEXT.matcher(innermost);
		Matcher body = DOLLAR_QUOTE.matcher(sql);
		if (!context.find() || !body.find()) {
			return 0;
		}
		return linesBefore(sql, body.end() + 1) + Integer.parseInt(context.group(1)) - 1;
	}

	private static ServerErrorMessage serverMessage(SQLException ex) {
		return (ex instanceof PSQLException psql) ? psql.getServerErrorMessage() : null;
	}

	/**
	 * Counts the line ends before a 1-based position, as the splitter counts lines: LF,
	 * CRLF and a lone CR.
	 */
	private static int linesBefore(String sql, int position) {
		int count = 0;
		int end = Math.min(position - 1, sql.length());
		for (int i = 0; i < end; i++) {
			char c = sql.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n'))) {
				count++;
			}
		}
		return count;
	}

	private static void append(StringBuilder text, String label, String value) {
		if (value != null && !value.isBlank()) {
			text.append(NEW_LINE).append("  ").append(label).append(": ").append(value);
		}
	}

	private static String abbreviate(String sql) {
		String single = sql.strip().replaceAll("\\s+", " ");
		return (single.length() > 160) ? single.substring(0, 157) + "..." : single;
	}

}
