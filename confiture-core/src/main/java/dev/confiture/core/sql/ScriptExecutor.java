package dev.confiture.core.sql;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import dev.confiture.core.ConfitureException.Category;

/**
 * Runs the statements of a script one by one on a connection, loading {@code COPY ... FROM
 * stdin} data through pgjdbc's {@link CopyManager}. A failure is reported with the script's
 * name and the line of the failing statement. Transactions are the caller's business.
 */
public final class ScriptExecutor {

	private final Connection connection;

	private final Category failureCategory;

	private CopyManager copyManager;

	/**
	 * Creates an executor.
	 * @param connection the connection to run on
	 * @param failureCategory the category of the exception thrown when a statement fails
	 */
	public ScriptExecutor(Connection connection, Category failureCategory) {
		this.connection = connection;
		this.failureCategory = failureCategory;
	}

	/**
	 * Runs statements.
	 * @param source the script's name for messages (a relative path)
	 * @param statements the statements, in order
	 * @return the number of statements run
	 * @throws SqlExecutionException if a statement fails
	 */
	public int execute(String source, List<SqlStatement> statements) {
		try (Statement statement = this.connection.createStatement()) {
			statement.setEscapeProcessing(false);
			for (SqlStatement sql : statements) {
				try {
					if (sql.isCopyFromStdin()) {
						copyManager().copyIn(sql.sql(), new StringReader(sql.copyData()));
					}
					else {
						statement.execute(sql.sql());
					}
				}
				catch (SQLException ex) {
					throw SqlExecutionException.of(this.failureCategory, source, sql, ex);
				}
				catch (IOException ex) {
					throw new SqlExecutionException(this.failureCategory, source, sql.line(), null,
							source + ":" + sql.line() + ": could not send COPY data: " + ex.getMessage(), ex);
				}
			}
			return statements.size();
		}
		catch (SQLException ex) {
			throw new SqlExecutionException(this.failureCategory, source, 0, ex.getSQLState(),
					source + ": " + ex.getMessage(), ex);
		}
	}

	private CopyManager copyManager() throws SQLException {
		if (this.copyManager == null) {
			this.copyManager = this.connection.unwrap(PGConnection.class).getCopyAPI();
		}
		return this.copyManager;
	}

}
