package dev.confiture.core.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static dev.confiture.core.catalog.CatalogQuery.strings;

/**
 * Reads the objects defined by a body of SQL: views, materialized views, functions and
 * procedures.
 */
final class ViewRoutineRows {

	private ViewRoutineRows() {
	}

	static void views(ResultSet rs, List<CatalogObject> objects) throws SQLException {
		while (rs.next()) {
			String query = rs.getString("query").strip();
			if (query.endsWith(";")) {
				query = query.substring(0, query.length() - 1);
			}
			objects.add(new View(rs.getString("name"), rs.getBoolean("materialized"), query,
					strings(rs.getArray("options"))));
		}
	}

	static void routines(ResultSet rs, List<CatalogObject> objects) throws SQLException {
		while (rs.next()) {
			objects.add(new Routine(rs.getString("signature"), rs.getBoolean("procedure"), rs.getString("arguments"),
					rs.getString("result"), rs.getString("definition").strip()));
		}
	}

}
