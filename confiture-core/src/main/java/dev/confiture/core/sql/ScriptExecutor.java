package dev.confiture.core.sql;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Interruption;

/**
 * Runs the statements of a script one by one on a connection, loading
 * {@code COPY ... FROM
 * stdin} data through pgjdbc's {@link CopyManager}. A failure is reported as a
 * {@link SqlExecutionException} with the script's name and the line of the failure.
 * Transactions are the caller's business.
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
		for (SqlStatement statement : statements) {
			execute(source, statement);
		}
		return statements.size();
	}

	/**
	 * Runs the statements of several scripts, in order, in as few round trips to the
	 * server as the driver allows (the statements go in one query string, which pgjdbc
	 * sends together), inside the caller's transaction. When one fails, the caller's
	 * transaction is rolled back to where it was before them and they are run again one
	 * by one, so that the failure names its script and line exactly like
	 * {@link #execute(String, List)}. {@code COPY ... FROM
	 * stdin} statements run on their own; on a connection in auto-commit mode every
	 * statement does.
	 * @param scripts the statements of each script, by the script's name, in order
	 * @return the number of statements run
	 * @throws SqlExecutionException if a statement fails
	 */
	public int executeTogether(Map<String, List<SqlStatement>> scripts) {
		boolean together;
		try {
			together = !this.connection.getAutoCommit();
		}
		catch (SQLException ex) {
			together = false;
		}
		List<Located> group = new ArrayList<>();
		int count = 0;
		for (Map.Entry<String, List<SqlStatement>> script : scripts.entrySet()) {
			for (SqlStatement statement : script.getValue()) {
				count++;
				if (together && !statement.isCopyFromStdin()) {
					group.add(new Located(script.getKey(), statement));
					continue;
				}
				runTogether(group);
				execute(script.getKey(), statement);
			}
		}
		runTogether(group);
		return count;
	}

	private void runTogether(List<Located> group) {
		if (group.size() < 2) {
			group.forEach((located) -> execute(located.source(), located.statement()));
			group.clear();
			return;
		}
		Located first = group.get(0);
		Interruption.check(first.source() + ":" + first.statement().line());
		StringBuilder sql = new StringBuilder("SAVEPOINT confiture_together;\n");
		group.forEach((located) -> sql.append(located.statement().sql()).append("\n;\n"));
		sql.append("RELEASE SAVEPOINT confiture_together");
		try (Statement jdbc = this.connection.createStatement()) {
			jdbc.setEscapeProcessing(false);
			jdbc.execute(sql.toString());
		}
		catch (SQLException ex) {
			if (Interruption.reason() != null) {
				throw new ConfitureException(Category.INTERRUPTED,
						"Interrupted (" + Interruption.reason() + ") while " + first.source()
								+ " and the statements after it ran: they were cancelled on the server",
						"Run the command again when you are ready", ex);
			}
			try (Statement jdbc = this.connection.createStatement()) {
				jdbc.execute("ROLLBACK TO SAVEPOINT confiture_together");
			}
			catch (SQLException rollback) {
				throw SqlExecutionException.of(this.failureCategory, first.source(), first.statement(), ex);
			}
			group.forEach((located) -> execute(located.source(), located.statement()));
			throw SqlExecutionException.of(this.failureCategory, first.source(), first.statement(), ex);
		}
		finally {
			group.clear();
		}
	}

	/**
	 * Runs one statement.
	 * @param source the script's name for messages (a relative path)
	 * @param statement the statement
	 * @return the rows it affected: loaded by {@code COPY}, or PostgreSQL's update count
	 * ({@code 0} for a query or DDL)
	 * @throws SqlExecutionException if the statement fails
	 */
	public long execute(String source, SqlStatement statement) {
		Interruption.check(source + ":" + statement.line());
		try {
			if (statement.isCopyFromStdin()) {
				return copyManager().copyIn(statement.sql(), new StringReader(statement.copyData()));
			}
			try (Statement jdbc = this.connection.createStatement()) {
				jdbc.setEscapeProcessing(false);
				return jdbc.execute(statement.sql()) ? 0 : Math.max(jdbc.getUpdateCount(), 0);
			}
		}
		catch (SQLException ex) {
			if (Interruption.reason() != null) {
				throw new ConfitureException(Category.INTERRUPTED,
						"Interrupted (" + Interruption.reason() + ") while " + source + ":" + statement.line()
								+ " ran: the statement was cancelled on the server",
						"Run the command again when you are ready", ex);
			}
			throw SqlExecutionException.of(this.failureCategory, source, statement, ex);
		}
		catch (IOException ex) {
			throw new SqlExecutionException(this.failureCategory, source, statement.line(), null,
					source + ":" + statement.line() + ": could not send COPY data: " + ex.getMessage(), null, ex);
		}
	}

	private CopyManager copyManager() throws SQLException {
		if (this.copyManager == null) {
			this.copyManager = this.connection.unwrap(PGConnection.class).getCopyAPI();
		}
		return this.copyManager;
	}

	private record Located(String source, SqlStatement statement) {
	}

}
