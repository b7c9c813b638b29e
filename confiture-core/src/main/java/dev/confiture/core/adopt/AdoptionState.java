package dev.confiture.core.adopt;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import dev.confiture.core.build.DatabaseContents;
import dev.confiture.core.build.SchemaBuilder;
import dev.confiture.core.catalog.CatalogReader;

/**
 * What a database holds before Confiture first manages it.
 *
 * @param userObjects its objects ({@code kind schema.name}) other than the history tables
 * of Confiture, Flyway and Liquibase; not read (empty) when the database is tracked
 * @param tracked whether Confiture's tracking table exists
 * @param flywayHistory Flyway's history table ({@code schema.table}), or {@code null}
 * @param liquibaseHistory Liquibase's changelog table ({@code schema.table}), or
 * {@code null}
 */
public record AdoptionState(List<String> userObjects, boolean tracked, String flywayHistory, String liquibaseHistory) {

	public AdoptionState {
		userObjects = List.copyOf(userObjects);
	}

	/**
	 * Whether the database holds a schema that Confiture does not track yet: starting
	 * migrations from the first one would fail or do harm.
	 */
	public boolean needsAdoption() {
		return !this.tracked && !this.userObjects.isEmpty();
	}

	/**
	 * Reads the state.
	 * @param connection a connection to the database
	 * @param trackingTable the configured tracking table (bare or schema-qualified)
	 * @return the state
	 * @throws SQLException on database failure
	 */
	public static AdoptionState read(Connection connection, String trackingTable) throws SQLException {
		boolean tracked;
		try (PreparedStatement statement = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
			statement.setString(1, trackingTable);
			try (ResultSet result = statement.executeQuery()) {
				tracked = result.next() && result.getBoolean(1);
			}
		}
		if (tracked) {
			return new AdoptionState(List.of(), true, null, null);
		}
		List<String> objects = DatabaseContents.userObjects(connection)
			.stream()
			.filter((object) -> !isHistory(object, trackingTable))
			.toList();
		return new AdoptionState(objects, tracked, find(connection, "flyway_schema_history"),
				find(connection, "databasechangelog"));
	}

	private static boolean isHistory(String object, String trackingTable) {
		if (!object.startsWith("table ")) {
			return false;
		}
		String name = object.substring(object.lastIndexOf('.') + 1);
		String tracking = trackingTable.substring(trackingTable.lastIndexOf('.') + 1).replace("\"", "");
		return name.equals(tracking) || name.equals(SchemaBuilder.BUILDS_TABLE)
				|| CatalogReader.OTHER_TOOLS_TABLES.contains(name);
	}

	/**
	 * The schema-qualified name of a table, in the first schema of {@code search_path}
	 * that has it, else any schema.
	 */
	static String find(Connection connection, String table) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT quote_ident(n.nspname) || '.' || "
				+ "quote_ident(c.relname) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "WHERE c.relname = ? AND c.relkind IN ('r', 'p') "
				+ "ORDER BY array_position(current_schemas(false), n.nspname::text) NULLS LAST, n.nspname LIMIT 1")) {
			statement.setString(1, table);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? result.getString(1) : null;
			}
		}
	}

}
