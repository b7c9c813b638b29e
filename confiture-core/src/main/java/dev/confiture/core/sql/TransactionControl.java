package dev.confiture.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import dev.confiture.core.sql.SqlLexer.Kind;

/**
 * Classifies statements by how they relate to transactions: statements that control the
 * transaction themselves, and statements that PostgreSQL refuses to run inside a
 * transaction block.
 */
public final class TransactionControl {

	private static final int TOKEN_LIMIT = 32;

	private static final Pattern NO_TRANSACTION_MARKER = Pattern.compile("--\\s*confiture\\s*:\\s*no-transaction\\s*",
			Pattern.CASE_INSENSITIVE);

	private TransactionControl() {
	}

	/**
	 * Return whether the statement starts, ends or aborts the current transaction:
	 * {@code BEGIN}, {@code START TRANSACTION}, {@code COMMIT}, {@code END},
	 * {@code ROLLBACK}, {@code ABORT} (with {@code WORK}, {@code TRANSACTION},
	 * {@code AND [NO] CHAIN} or transaction modes). Savepoint statements and two-phase
	 * {@code COMMIT PREPARED}/{@code ROLLBACK PREPARED} are not transaction control.
	 * @param statement the statement
	 * @return whether it is a transaction-control statement
	 */
	public static boolean isTransactionControl(SqlStatement statement) {
		List<String> tokens = tokens(statement);
		if (tokens.isEmpty()) {
			return false;
		}
		return switch (tokens.get(0)) {
			case "BEGIN" -> true;
			case "START" -> is(tokens, 1, "TRANSACTION");
			case "COMMIT", "END" -> !is(tokens, 1, "PREPARED");
			case "ROLLBACK", "ABORT" -> !is(tokens, 1, "PREPARED") && !isRollbackToSavepoint(tokens);
			default -> false;
		};
	}

	private static boolean isRollbackToSavepoint(List<String> tokens) {
		int index = (is(tokens, 1, "WORK") || is(tokens, 1, "TRANSACTION")) ? 2 : 1;
		return is(tokens, index, "TO");
	}

	/**
	 * Return why PostgreSQL cannot run the statement inside a transaction block, assuming
	 * a server older than PostgreSQL 12 (where {@code ALTER TYPE ... ADD VALUE} is among
	 * them).
	 * @param statement the statement
	 * @return the reason, or {@code null} if the statement can run in a transaction
	 * @see #nonTransactionalReason(SqlStatement, int)
	 */
	public static String nonTransactionalReason(SqlStatement statement) {
		return reason(tokens(statement), false);
	}

	/**
	 * Return why PostgreSQL cannot run the statement inside a transaction block on a
	 * server of the given major version: {@code CREATE/DROP INDEX CONCURRENTLY},
	 * {@code REINDEX ... CONCURRENTLY} and {@code REINDEX SCHEMA/DATABASE/SYSTEM},
	 * {@code VACUUM}, {@code CLUSTER} without a table, {@code ALTER SYSTEM},
	 * {@code CREATE/DROP DATABASE}, {@code ALTER DATABASE ... SET TABLESPACE},
	 * {@code CREATE/DROP TABLESPACE}, {@code ALTER TABLE ... DETACH PARTITION ...
	 * CONCURRENTLY}, {@code COMMIT/ROLLBACK PREPARED}, {@code DISCARD ALL}, subscription
	 * commands that may manage a replication slot and, before PostgreSQL 12,
	 * {@code ALTER TYPE ... ADD VALUE}.
	 * @param statement the statement
	 * @param serverMajorVersion the server's major version, e.g. {@code 16}
	 * @return the reason, or {@code null} if the statement can run in a transaction
	 */
	public static String nonTransactionalReason(SqlStatement statement, int serverMajorVersion) {
		return reason(tokens(statement), serverMajorVersion >= 12);
	}

	private static String reason(List<String> tokens, boolean addValueInTransaction) {
		if (tokens.isEmpty()) {
			return null;
		}
		String command = tokens.get(0);
		String reason = switch (command) {
			case "CREATE", "DROP" -> createOrDropReason(tokens, command);
			case "ALTER" -> alterReason(tokens, addValueInTransaction);
			case "REINDEX" -> reindexReason(tokens);
			case "VACUUM" -> "VACUUM";
			case "CLUSTER" -> isBareCluster(tokens) ? "CLUSTER without a table name" : null;
			case "COMMIT", "ROLLBACK" -> is(tokens, 1, "PREPARED") ? command + " PREPARED" : null;
			case "DISCARD" -> is(tokens, 1, "ALL") ? "DISCARD ALL" : null;
			default -> null;
		};
		return (reason != null) ? reason + " cannot run inside a transaction block" : null;
	}

	private static String createOrDropReason(List<String> tokens, String command) {
		int index = (command.equals("CREATE") && is(tokens, 1, "UNIQUE")) ? 2 : 1;
		if (is(tokens, index, "INDEX") && is(tokens, index + 1, "CONCURRENTLY")) {
			return command + " INDEX CONCURRENTLY";
		}
		if (is(tokens, 1, "DATABASE") || is(tokens, 1, "TABLESPACE")) {
			return command + " " + tokens.get(1);
		}
		if (is(tokens, 1, "SUBSCRIPTION")) {
			return command + " SUBSCRIPTION with a replication slot";
		}
		return null;
	}

	private static String alterReason(List<String> tokens, boolean addValueInTransaction) {
		if (is(tokens, 1, "SYSTEM")) {
			return "ALTER SYSTEM";
		}
		if (is(tokens, 1, "DATABASE") && containsPair(tokens, "SET", "TABLESPACE")) {
			return "ALTER DATABASE ... SET TABLESPACE";
		}
		if (is(tokens, 1, "TYPE") && containsPair(tokens, "ADD", "VALUE") && !addValueInTransaction) {
			return "ALTER TYPE ... ADD VALUE (before PostgreSQL 12)";
		}
		if (is(tokens, 1, "TABLE") && containsPair(tokens, "DETACH", "PARTITION") && tokens.contains("CONCURRENTLY")) {
			return "ALTER TABLE ... DETACH PARTITION ... CONCURRENTLY";
		}
		if (is(tokens, 1, "SUBSCRIPTION") && tokens.contains("PUBLICATION")) {
			return "ALTER SUBSCRIPTION ... PUBLICATION with refresh";
		}
		return null;
	}

	private static String reindexReason(List<String> tokens) {
		if (tokens.contains("CONCURRENTLY")) {
			return "REINDEX CONCURRENTLY";
		}
		int target = skipParenthesizedOptions(tokens, 1);
		if (is(tokens, target, "SCHEMA") || is(tokens, target, "DATABASE") || is(tokens, target, "SYSTEM")) {
			return "REINDEX " + tokens.get(target);
		}
		return null;
	}

	private static boolean isBareCluster(List<String> tokens) {
		int index = skipParenthesizedOptions(tokens, 1);
		if (is(tokens, index, "VERBOSE")) {
			index++;
		}
		return index >= tokens.size();
	}

	private static int skipParenthesizedOptions(List<String> tokens, int index) {
		if (!is(tokens, index, "(")) {
			return index;
		}
		int depth = 0;
		for (int i = index; i < tokens.size(); i++) {
			if (tokens.get(i).equals("(")) {
				depth++;
			}
			else if (tokens.get(i).equals(")") && --depth == 0) {
				return i + 1;
			}
		}
		return tokens.size();
	}

	/**
	 * Return whether the script is marked to run outside a transaction with a
	 * {@code -- confiture:no-transaction} comment on a line of its own before the first
	 * statement (case-insensitive, whitespace-tolerant).
	 * @param scriptText the script
	 * @return whether the script carries the marker
	 */
	public static boolean hasNoTransactionMarker(String scriptText) {
		String text = scriptText.startsWith("\uFEFF") ? scriptText.substring(1) : scriptText;
		SqlLexer lexer = new SqlLexer(text, true);
		for (Kind kind = lexer.next(); kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT; kind = lexer.next()) {
			if (kind == Kind.LINE_COMMENT && startsLine(text, lexer.start())
					&& NO_TRANSACTION_MARKER.matcher(lexer.text()).matches()) {
				return true;
			}
		}
		return false;
	}

	private static boolean startsLine(String text, int offset) {
		for (int i = offset - 1; i >= 0; i--) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				return true;
			}
			if (!SqlLexer.isWhitespace(c)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * The first tokens of the statement: words upper-cased, symbols as themselves, and
	 * strings and quoted identifiers as a quote character that never equals a keyword.
	 */
	private static List<String> tokens(SqlStatement statement) {
		List<String> tokens = new ArrayList<>();
		SqlLexer lexer = new SqlLexer(statement.sql(), false);
		for (Kind kind = lexer.next(); kind != Kind.END && tokens.size() < TOKEN_LIMIT; kind = lexer.next()) {
			tokens.add(switch (kind) {
				case WORD -> lexer.upperCaseWord();
				case SYMBOL -> lexer.text();
				case QUOTED_IDENTIFIER -> "\"";
				default -> "'";
			});
		}
		return tokens;
	}

	private static boolean is(List<String> tokens, int index, String token) {
		return index < tokens.size() && tokens.get(index).equals(token);
	}

	private static boolean containsPair(List<String> tokens, String first, String second) {
		for (int i = 0; i + 1 < tokens.size(); i++) {
			if (tokens.get(i).equals(first) && tokens.get(i + 1).equals(second)) {
				return true;
			}
		}
		return false;
	}

}
