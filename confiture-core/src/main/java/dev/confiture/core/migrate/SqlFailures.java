package dev.confiture.core.migrate;

import java.sql.SQLException;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Describes SQL failures the way a user needs them: {@code file:line: message (SQLSTATE x)},
 * then PostgreSQL's detail, hint and context.
 */
final class SqlFailures {

	private SqlFailures() {
	}

	/**
	 * Describes a failure of one statement of a script.
	 * @param location the file or class
	 * @param line the line of the statement's first token, or {@code 0} if unknown
	 * @param sql the statement text, used to find the line of the error position
	 * @param ex the failure
	 * @return the description
	 */
	static String describe(String location, int line, String sql, SQLException ex) {
		ServerErrorMessage server = (ex instanceof PSQLException psql) ? psql.getServerErrorMessage() : null;
		StringBuilder text = new StringBuilder(location);
		if (line > 0) {
			text.append(':').append(lineOf(line, sql, (server != null) ? server.getPosition() : 0));
		}
		text.append(": ");
		if (server == null) {
			text.append(ex.getMessage());
			if (ex.getSQLState() != null) {
				text.append(" (SQLSTATE ").append(ex.getSQLState()).append(')');
			}
			return text.toString();
		}
		text.append(server.getMessage()).append(" (SQLSTATE ").append(server.getSQLState()).append(')');
		append(text, "Detail", server.getDetail());
		append(text, "PostgreSQL hint", server.getHint());
		append(text, "Where", server.getWhere());
		return text.toString();
	}

	/** Whether the failure means the session has gone (terminated, network lost). */
	static boolean isConnectionLost(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03"));
	}

	private static int lineOf(int line, String sql, int position) {
		if (sql == null || position <= 0) {
			return line;
		}
		int result = line;
		for (int i = 0; i < Math.min(position - 1, sql.length()); i++) {
			char c = sql.charAt(i);
			if (c == '\n' || (c == '\r' && (i + 1 >= sql.length() || sql.charAt(i + 1) != '\n'))) {
				result++;
			}
		}
		return result;
	}

	private static void append(StringBuilder text, String label, String value) {
		if (value != null && !value.isBlank()) {
			text.append("\n  ").append(label).append(": ").append(value);
		}
	}

}
