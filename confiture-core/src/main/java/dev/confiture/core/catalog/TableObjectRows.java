package dev.confiture.core.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the objects that belong to a table: constraints, indexes, triggers and row level
 * security policies.
 */
final class TableObjectRows {

	private static final String NOT_VALID = " NOT VALID";

	private TableObjectRows() {
	}

	static void constraints(ResultSet rs, List<CatalogObject> objects) throws SQLException {
		while (rs.next()) {
			boolean validated = rs.getBoolean("convalidated");
			String definition = rs.getString("definition");
			if (!validated && definition.endsWith(NOT_VALID)) {
				definition = definition.substring(0, definition.length() - NOT_VALID.length());
			}
			String index = rs.getString("index_name");
			objects.add(new Constraint(rs.getString("table_name"), rs.getString("name"), rs.getString("contype"),
					definition, validated, (index != null) ? ObjectId.of("index", index) : null));
		}
	}

	static void indexes(ResultSet rs, List<CatalogObject> objects) throws SQLException {
		while (rs.next()) {
			objects.add(new Index(rs.getString("name"), rs.getString("table_name"), rs.getString("definition"),
					rs.getBoolean("partitioned"), rs.getBoolean("valid"), rs.getBoolean("ready")));
		}
	}

	static void triggers(ResultSet rs, List<CatalogObject> objects) throws SQLException {
		while (rs.next()) {
			objects.add(new Trigger(rs.getString("table_name"), rs.getString("name"), rs.getString("definition"),
					rs.getString("enabled")));
		}
	}

	static void policies(ResultSet rs, List<CatalogObject> objects) throws SQLException {
		while (rs.next()) {
			String command = switch (rs.getString("command")) {
				case "r" -> "SELECT";
				case "a" -> "INSERT";
				case "w" -> "UPDATE";
				case "d" -> "DELETE";
				default -> "ALL";
			};
			String table = rs.getString("table_name");
			String name = rs.getString("name");
			StringBuilder definition = new StringBuilder("CREATE POLICY ").append(name)
				.append(" ON ")
				.append(table)
				.append(" AS ")
				.append(rs.getBoolean("polpermissive") ? "PERMISSIVE" : "RESTRICTIVE")
				.append(" FOR ")
				.append(command)
				.append(" TO ")
				.append(rs.getString("roles"));
			if (rs.getString("using_expression") != null) {
				definition.append(" USING (").append(rs.getString("using_expression")).append(')');
			}
			if (rs.getString("check_expression") != null) {
				definition.append(" WITH CHECK (").append(rs.getString("check_expression")).append(')');
			}
			objects.add(new Policy(table, name, definition.toString()));
		}
	}

}
