package dev.confiture.core.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.confiture.core.sql.SqlStatement;
import dev.confiture.core.internal.Identifiers;

/**
 * Finds the indexes that a migration run outside a transaction left INVALID or not ready
 * (a failed or cancelled {@code CREATE INDEX CONCURRENTLY}, or one skipped by
 * {@code IF NOT EXISTS} because a failed attempt left it behind). Only indexes that the
 * migration's own statements name, or that appeared on their tables during the run, are
 * reported; never other sessions'.
 */
final class IndexValidity {

	private static final String IDENTIFIER = "(?:\"(?:[^\"]|\"\")+\"|[\\p{L}_][\\p{L}\\p{N}_$]*)";

	private static final Pattern CREATE_INDEX = Pattern.compile("(?is)^\\s*CREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+"
			+ "(?:CONCURRENTLY\\s+)?(?:(?:IF\\s+NOT\\s+EXISTS\\s+)?(?<name>" + IDENTIFIER + ")\\s+)?ON\\s+(?:ONLY\\s+)?"
			+ "(?<table>" + IDENTIFIER + "(?:\\s*\\.\\s*" + IDENTIFIER + ")?)");

	private static final Pattern REINDEX = Pattern.compile("(?is)^\\s*REINDEX\\b");

	private static final String INVALID = "SELECT i.indexrelid::bigint, format('%I.%I', n.nspname, c.relname) "
			+ "FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace "
			+ "WHERE NOT (i.indisvalid AND i.indisready)";

	private final Set<Long> before;

	private IndexValidity(Set<Long> before) {
		this.before = before;
	}

	/**
	 * Every index of the database that is INVALID or not ready.
	 * @param connection a connection
	 * @return the indexes, schema-qualified, in name order
	 * @throws SQLException if the catalog cannot be read
	 */
	static List<String> invalid(Connection connection) throws SQLException {
		List<String> invalid = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(INVALID + " ORDER BY 2")) {
			while (result.next()) {
				invalid.add(result.getString(2));
			}
		}
		return invalid;
	}

	/**
	 * Notes the indexes that are invalid before the migration runs.
	 * @param connection the work connection
	 * @return the snapshot
	 */
	static IndexValidity before(Connection connection) {
		Set<Long> before = new LinkedHashSet<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(INVALID)) {
			while (result.next()) {
				before.add(result.getLong(1));
			}
		}
		catch (SQLException ex) {
			// checked again after the run, where a failure is reported
		}
		return new IndexValidity(before);
	}

	/**
	 * The indexes that the statements left INVALID or not ready, schema-qualified.
	 * @param connection the work connection
	 * @param statements the statements run (those of a Java migration are unknown:
	 * {@code null})
	 * @return the indexes, empty when all are valid
	 * @throws SQLException if the catalog cannot be read
	 */
	List<String> leftInvalid(Connection connection, List<SqlStatement> statements) throws SQLException {
		List<String> invalid = new ArrayList<>();
		boolean anyNew = (statements == null);
		for (SqlStatement statement : (statements != null) ? statements : List.<SqlStatement>of()) {
			Matcher matcher = CREATE_INDEX.matcher(statement.sql());
			if (matcher.lookingAt()) {
				invalid.addAll(onTable(connection, matcher.group("table"), matcher.group("name")));
			}
			else if (REINDEX.matcher(statement.sql()).lookingAt()) {
				anyNew = true;
			}
		}
		if (anyNew) {
			try (Statement statement = connection.createStatement();
					ResultSet result = statement.executeQuery(INVALID)) {
				while (result.next()) {
					if (!this.before.contains(result.getLong(1)) && !invalid.contains(result.getString(2))) {
						invalid.add(result.getString(2));
					}
				}
			}
		}
		return invalid;
	}

	private List<String> onTable(Connection connection, String table, String name) throws SQLException {
		List<String> invalid = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(INVALID
				+ " AND i.indrelid = to_regclass(?) AND (?::text IS NULL AND NOT (i.indexrelid::bigint = ANY (?)) "
				+ "OR c.relname = ?)")) {
			statement.setString(1, table);
			String relname = (name != null) ? Identifiers.fold(name) : null;
			statement.setString(2, relname);
			statement.setArray(3, connection.createArrayOf("bigint", this.before.toArray()));
			statement.setString(4, relname);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					invalid.add(result.getString(2));
				}
			}
		}
		return invalid;
	}

}
