package dev.confiture.core.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.confiture.core.catalog.CatalogQuery.strings;

/**
 * Reads the objects that live in a schema but outside tables: schemas and extensions,
 * enums, domains, composite types, and sequences.
 */
final class SchemaObjectRows {

	private SchemaObjectRows() {
	}

	static void schemas(ResultSet rs, List<CatalogObject> objects) throws SQLException {
		while (rs.next()) {
			objects.add(rs.getString("kind").equals("schema") ? new Schema(rs.getString("name"))
					: new Extension(rs.getString("name"), rs.getString("schema"), rs.getString("version"),
							strings(rs.getArray("updatable"))));
		}
	}

	static void types(ResultSet rs, List<CatalogObject> objects) throws SQLException {
		while (rs.next()) {
			String name = rs.getString("name");
			switch (rs.getString("kind")) {
				case "e" -> objects.add(new EnumType(name, strings(rs.getArray("labels"))));
				case "d" -> objects.add(new DomainType(name, rs.getString("base_type"), rs.getString("collation"),
						rs.getString("default_expression"), rs.getBoolean("not_null"),
						pairs(strings(rs.getArray("check_names")), strings(rs.getArray("check_definitions")))));
				default -> objects.add(new CompositeType(name,
						pairs(strings(rs.getArray("attribute_names")), strings(rs.getArray("attribute_types")))));
			}
		}
	}

	private static Map<String, String> pairs(List<String> names, List<String> values) {
		Map<String, String> pairs = new LinkedHashMap<>();
		for (int i = 0; i < names.size(); i++) {
			pairs.put(names.get(i), values.get(i));
		}
		return pairs;
	}

	static void sequences(ResultSet rs, List<CatalogObject> objects) throws SQLException {
		while (rs.next()) {
			objects.add(new Sequence(rs.getString("name"), rs.getString("data_type"), rs.getLong("seqstart"),
					rs.getLong("seqincrement"), rs.getLong("seqmin"), rs.getLong("seqmax"), rs.getLong("seqcache"),
					rs.getBoolean("seqcycle"), rs.getString("owned_by")));
		}
	}

}
