package dev.confiture.core.sql;

import java.sql.SQLException;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import dev.confiture.core.ConfitureException;

/**
 * A statement of a script that PostgreSQL rejected, with the script, the line and the server's
 * own message, detail and hint.
 */
public class SqlExecutionException extends ConfitureException {

	private final String source;

	private final int line;

	private final String sqlState;

	SqlExecutionException(Category category, String source, int line, String sqlState, String message,
			Throwable cause) {
		super(category, message, null, cause);
		this.source = source;
		this.line = line;
		this.sqlState = sqlState;
	}

	private SqlExecutionException(SqlExecutionException failure, String hint) {
		super(failure.category(), failure.getMessage(), hint, failure.getCause());
		this.source = failure.source;
		this.line = failure.line;
		this.sqlState = failure.sqlState;
	}

	static SqlExecutionException of(Category category, String source, SqlStatement statement, SQLException ex) {
		ServerErrorMessage server = (ex instanceof PSQLException psql) ? psql.getServerErrorMessage() : null;
		int line = statement.line();
		StringBuilder message = new StringBuilder();
		if (server != null) {
			line += linesBefore(statement.sql(), server.getPosition());
			message.append(source).append(':').append(line).append(": ").append(server.getMessage());
		}
		else {
			message.append(source).append(':').append(line).append(": ").append(ex.getMessage());
		}
		if (ex.getSQLState() != null) {
			message.append(" (SQLSTATE ").append(ex.getSQLState()).append(')');
		}
		if (server != null && server.getDetail() != null) {
			message.append(System.lineSeparator()).append("  Detail: ").append(server.getDetail());
		}
		if (server != null && server.getHint() != null) {
			message.append(System.lineSeparator()).append("  PostgreSQL hint: ").append(server.getHint());
		}
		if (server != null && server.getWhere() != null) {
			message.append(System.lineSeparator()).append("  Where: ").append(server.getWhere());
		}
		message.append(System.lineSeparator()).append("  Statement: ").append(abbreviate(statement.sql()));
		return new SqlExecutionException(category, source, line, ex.getSQLState(), message.toString(), ex);
	}

	/**
	 * This failure with a hint that says what to do.
	 * @param hint the hint
	 * @return a new exception
	 */
	public SqlExecutionException withHint(String hint) {
		return new SqlExecutionException(this, hint);
	}

	/** The script that failed, as named to the executor. */
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

	private static int linesBefore(String sql, int position) {
		int count = 0;
		int end = Math.min(position - 1, sql.length());
		for (int i = 0; i < end; i++) {
			if (sql.charAt(i) == '\n') {
				count++;
			}
		}
		return count;
	}

	private static String abbreviate(String sql) {
		String single = sql.strip().replaceAll("\\s+", " ");
		return (single.length() > 160) ? single.substring(0, 157) + "..." : single;
	}

}
