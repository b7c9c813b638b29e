package dev.confiture.core.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Interruption;
import dev.confiture.core.sql.ScriptExecutor;
import dev.confiture.core.sql.SqlScript;
import dev.confiture.core.sql.SqlStatement;

/**
 * The fast path of {@link CatalogLoader#build}: the scripts' DDL sent as JDBC batches
 * (many statements per round trip) instead of one round trip per statement. It cannot say
 * which statement failed, so on any failure the caller rolls the transaction back and
 * runs the scripts again statement by statement, which reports the failing file and line
 * as before. Statements that may return rows or carry {@code COPY} data run alone,
 * through {@link ScriptExecutor}, which reports their own failure directly (all earlier
 * ones ran).
 */
final class BatchedBuild {

	/** Statements sent at most in one batch. */
	private static final int BATCH_SIZE = 200;

	/**
	 * Leading keywords of statements that return no rows, so that they can go in a batch.
	 */
	private static final Set<String> BATCHABLE = Set.of("CREATE", "ALTER", "COMMENT", "DROP", "GRANT", "REVOKE", "SET",
			"DO", "SECURITY");

	private BatchedBuild() {
	}

	/**
	 * Runs the scripts in batches, inside the caller's transaction.
	 * @param connection the connection, not in auto-commit mode
	 * @param sources the scripts, in order
	 * @param strip lines to remove from each script before splitting it
	 * @return {@code false} when a statement of a batch failed: the transaction must be
	 * rolled back and the scripts run again one statement at a time to report the failure
	 */
	static boolean run(Connection connection, List<SqlSource> sources, Pattern strip) {
		ScriptExecutor executor = new ScriptExecutor(connection, Category.SCHEMA);
		try (Statement batch = connection.createStatement()) {
			batch.setEscapeProcessing(false);
			int pending = 0;
			for (SqlSource source : sources) {
				List<SqlStatement> statements;
				try {
					statements = SqlScript.split(source.name(), strip.matcher(source.text()).replaceAll(""));
				}
				catch (RuntimeException ex) {
					// report the earlier files' failure first, as the
					// statement-by-statement run does
					if (pending > 0) {
						batch.executeBatch();
					}
					throw ex;
				}
				for (SqlStatement statement : statements) {
					if (!statement.isCopyFromStdin() && BATCHABLE.contains(statement.leadingKeywords(1))) {
						batch.addBatch(statement.sql());
						if (++pending == BATCH_SIZE) {
							Interruption.check(source.name() + ":" + statement.line());
							batch.executeBatch();
							pending = 0;
						}
					}
					else {
						if (pending > 0) {
							batch.executeBatch();
							pending = 0;
						}
						executor.execute(source.name(), statement);
					}
				}
			}
			if (pending > 0) {
				batch.executeBatch();
			}
			return true;
		}
		catch (SQLException ex) {
			return false;
		}
	}

}
