package dev.confiture.core.migrate;

import java.util.List;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.sql.SqlScript;
import dev.confiture.core.sql.SqlStatement;
import dev.confiture.core.sql.TransactionControl;

/**
 * A migration script split into statements, with whether it can run in a transaction.
 *
 * @param location the file, for messages
 * @param statements the statements, including any top-level {@code BEGIN}/{@code COMMIT}
 * @param nonTransactionalReason why it must run outside a transaction, or {@code null}
 */
record PreparedScript(String location, List<SqlStatement> statements, String nonTransactionalReason) {

	static final String MARKER_REASON = "marked -- confiture:no-transaction";

	/**
	 * Splits and classifies a script.
	 * @param location the file, for messages
	 * @param text the script
	 * @param serverMajorVersion the server's major version
	 * @return the prepared script
	 * @throws ConfitureException if the script cannot be split or rolls back on its own
	 */
	static PreparedScript prepare(String location, String text, int serverMajorVersion) {
		List<SqlStatement> statements = SqlScript.split(location, text);
		String reason = TransactionControl.hasNoTransactionMarker(text) ? MARKER_REASON : null;
		for (SqlStatement statement : statements) {
			if (TransactionControl.isTransactionControl(statement)) {
				String keyword = statement.leadingKeywords(1);
				if (keyword.equals("ROLLBACK") || keyword.equals("ABORT")) {
					throw new ConfitureException(Category.SCHEMA,
							location + ":" + statement.line() + ": " + keyword + " in a migration would undo it",
							"Remove the " + keyword + "; Confiture runs each migration in its own transaction and "
									+ "rolls it back on failure");
				}
			}
			else if (reason == null) {
				String statementReason = TransactionControl.nonTransactionalReason(statement, serverMajorVersion);
				if (statementReason != null) {
					reason = location + ":" + statement.line() + ": " + statementReason;
				}
			}
		}
		return new PreparedScript(location, statements, reason);
	}

	boolean transactional() {
		return this.nonTransactionalReason == null;
	}

}
