package dev.confiture.core.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Interruption;
import dev.confiture.core.sql.ScriptExecutor;
import dev.confiture.core.sql.SqlExecutionException;
import dev.confiture.core.sql.SqlStatement;
import dev.confiture.core.sql.TransactionControl;

/**
 * Runs the statements of one migration and counts them. Script statements go through the
 * {@link ScriptExecutor} one by one, so that a failure names its file and line; top-level
 * {@code BEGIN}/{@code COMMIT} are skipped with a warning because Confiture owns the
 * transaction. Java migrations run their statements through {@link #execute(String)}.
 */
final class StatementExecutor {

	private final Connection connection;

	private final ScriptExecutor scripts;

	private final Consumer<String> warnings;

	private int statements;

	private long rows;

	private final List<Integer> lines = new ArrayList<>();

	private SqlStatement failed;

	StatementExecutor(Connection connection, Consumer<String> warnings) {
		this.connection = connection;
		this.scripts = new ScriptExecutor(connection, Category.DATABASE);
		this.warnings = warnings;
	}

	/**
	 * Runs a script.
	 * @param script the script
	 * @throws SqlExecutionException if a statement fails
	 */
	void run(PreparedScript script) {
		for (SqlStatement sql : script.statements()) {
			if (TransactionControl.isTransactionControl(sql)) {
				this.warnings.accept(script.location() + ":" + sql.line() + ": skipped " + sql.leadingKeywords(2)
						+ "; Confiture runs each migration in its own transaction");
				continue;
			}
			try {
				this.rows += this.scripts.execute(script.location(), sql);
			}
			catch (SqlExecutionException ex) {
				this.failed = sql;
				throw ex;
			}
			this.statements++;
			this.lines.add(sql.line());
		}
	}

	/**
	 * Runs one statement for a Java migration.
	 * @param sql the statement
	 * @throws SQLException if it fails
	 */
	void execute(String sql) throws SQLException {
		Interruption.check("a statement of a Java migration");
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

	/** The script statement that failed, or {@code null}. */
	SqlStatement failedStatement() {
		return this.failed;
	}

}
