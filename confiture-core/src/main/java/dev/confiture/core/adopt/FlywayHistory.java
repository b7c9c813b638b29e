package dev.confiture.core.adopt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * Reads Flyway's history table (never writes it).
 */
final class FlywayHistory {

	private FlywayHistory() {
	}

	/**
	 * Finds the history table: the given name, else {@code flyway_schema_history} in the
	 * first schema of {@code search_path} that has it, else in any schema.
	 * @return the quoted, qualified name
	 */
	static String locate(Connection connection, String configured, String description) throws SQLException {
		if (configured != null && !configured.isBlank()) {
			try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?)::text")) {
				statement.setString(1, configured);
				try (ResultSet result = statement.executeQuery()) {
					if (result.next() && result.getString(1) != null) {
						return configured;
					}
				}
			}
			throw new ConfitureException(Category.NOT_INITIALIZED,
					"Flyway's history table " + configured + " does not exist in " + description,
					"Name the table that Flyway's 'table' setting names");
		}
		String found = AdoptionState.find(connection, "flyway_schema_history");
		if (found == null) {
			throw new ConfitureException(Category.NOT_INITIALIZED, "No flyway_schema_history table in " + description,
					"Check that the environment points at the database Flyway migrated, or name the history table "
							+ "if Flyway's 'table' setting changed it");
		}
		return found;
	}

	/**
	 * Reads every row in {@code installed_rank} order and checks that every version is
	 * Flyway's dotted numbers.
	 */
	static List<Entry> read(Connection connection, String table) throws SQLException {
		List<Entry> entries = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT installed_rank, version, description, "
				+ "type, script, installed_by, installed_on, execution_time, success FROM " + table
				+ " ORDER BY installed_rank")) {
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					String version = result.getString(2);
					String type = result.getString(4);
					String key = null;
					if (version != null && !"SCHEMA".equals(type)) {
						key = FlywayVersions.key(version);
						if (key == null) {
							throw new ConfitureException(Category.SCHEMA, table + " row " + result.getInt(1) + " ("
									+ result.getString(5) + ") has version '" + version
									+ "', which is not Flyway's numbers separated by dots or underscores. Nothing was written",
									"Correct that row's version (Flyway would not accept it either), then import again");
						}
					}
					entries.add(new Entry(result.getInt(1), version, key, result.getString(3), type,
							result.getString(5), result.getString(6), result.getObject(7, OffsetDateTime.class),
							result.getLong(8), result.getBoolean(9)));
				}
			}
		}
		return entries;
	}

	/**
	 * One row of the history.
	 *
	 * @param rank {@code installed_rank}
	 * @param version the version as written, {@code null} for a repeatable
	 * @param key the version's key ({@link FlywayVersions#key}), or {@code null}
	 * @param description the description
	 * @param type {@code SQL}, {@code JDBC}, {@code BASELINE}, {@code UNDO_SQL},
	 * {@code DELETE}...
	 * @param script the script or class name
	 * @param installedBy who applied it
	 * @param installedOn when
	 * @param executionMs how long it ran
	 * @param success whether it succeeded
	 */
	record Entry(int rank, String version, String key, String description, String type, String script,
			String installedBy, OffsetDateTime installedOn, long executionMs, boolean success) {

		boolean isJava() {
			return this.type != null && this.type.contains("JDBC") && !this.type.startsWith("UNDO");
		}

		boolean isUndo() {
			return this.type != null && this.type.startsWith("UNDO");
		}

	}

}
