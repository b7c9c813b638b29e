package dev.confiture.core.migrate;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import dev.confiture.core.sql.SqlStatement;
import dev.confiture.core.sql.TransactionControl;

/**
 * Runs the statements of a script one by one, so that a failure names its file and line.
 * {@code COPY ... FROM stdin} data goes through pgjdbc's {@link CopyManager}; top-level
 * {@code BEGIN}/{@code COMMIT} are skipped with a warning because Confiture owns the
 * transaction.
 */
final class StatementExecutor {

	private final Connection connection;

	private final Consumer<String> warnings;

	private int statements;

	private long rows;

	private final List<Integer> lines = new ArrayList<>();

	StatementExecutor(Connection connection, Consumer<String> warnings) {
		this.connection = connection;
		this.warnings = warnings;
	}

	/**
	 * Runs a script.
	 * @param script the script
	 * @throws StatementFailure if a statement fails
	 */
	void run(PreparedScript script) throws StatementFailure {
		try (Statement statement = this.connection.createStatement()) {
			statement.setEscapeProcessing(false);
			for (SqlStatement sql : script.statements()) {
				if (TransactionControl.isTransactionControl(sql)) {
					this.warnings.accept(script.location() + ":" + sql.line() + ": skipped " + sql.leadingKeywords(2)
							+ "; Confiture runs each migration in its own transaction");
					continue;
				}
				try {
					if (sql.isCopyFromStdin()) {
						CopyManager copy = new CopyManager(this.connection.unwrap(BaseConnection.class));
						this.rows += copy.copyIn(sql.sql(), new StringReader(sql.copyData()));
					}
					else if (!statement.execute(sql.sql())) {
						this.rows += Math.max(statement.getUpdateCount(), 0);
					}
					this.statements++;
					this.lines.add(sql.line());
				}
				catch (SQLException ex) {
					throw new StatementFailure(sql, SqlFailures.describe(script.location(), sql.line(), sql.sql(), ex),
							ex);
				}
				catch (IOException ex) {
					throw new StatementFailure(sql, script.location() + ":" + sql.line() + ": " + ex.getMessage(),
							new SQLException(ex));
				}
			}
		}
		catch (SQLException ex) {
			throw new StatementFailure(null, script.location() + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Runs one statement for a Java migration.
	 * @param sql the statement
	 * @throws SQLException if it fails
	 */
	void execute(String sql) throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			statement.setEscapeProcessing(false);
			if (!statement.execute(sql)) {
				this.rows += Math.max(statement.getUpdateCount(), 0);
			}
			this.statements++;
		}
	}

	int statements() {
		return this.statements;
	}

	long rows() {
		return this.rows;
	}

	/** The lines of the script statements that ran successfully. */
	List<Integer> lines() {
		return this.lines;
	}

	/**
	 * A statement of a script failed.
	 */
	static final class StatementFailure extends Exception {

		private final transient SqlStatement statement;

		StatementFailure(SqlStatement statement, String message, SQLException cause) {
			super(message, cause);
			this.statement = statement;
		}

		/** The statement that failed, or {@code null}. */
		SqlStatement statement() {
			return this.statement;
		}

		@Override
		public synchronized SQLException getCause() {
			return (SQLException) super.getCause();
		}

	}

}
