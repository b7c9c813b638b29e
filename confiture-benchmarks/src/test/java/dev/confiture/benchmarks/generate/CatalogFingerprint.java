package dev.confiture.benchmarks.generate;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The user schema of a database as sorted lines of text (columns with their position,
 * type, nullability, default and identity; constraints; indexes), leaving out the tools'
 * own tables, so that two databases can be compared.
 */
final class CatalogFingerprint {

	private static final String TOOL_TABLES = "('flyway_schema_history', 'confiture_migrations', 'confiture_builds')";

	private CatalogFingerprint() {
	}

	static List<String> of(Connection connection) throws SQLException {
		String sql = "SELECT format('column %s.%s #%s %s null=%s default=%s identity=%s', c.relname, a.attname, "
				+ "a.attnum, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull, pg_get_expr(d.adbin, d.adrelid), "
				+ "a.attidentity) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid "
				+ "JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
				+ "WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped "
				+ "AND c.relname NOT IN " + TOOL_TABLES
				+ " UNION ALL SELECT format('constraint %s %s %s', r.relname, k.conname, pg_get_constraintdef(k.oid)) "
				+ "FROM pg_constraint k JOIN pg_class r ON r.oid = k.conrelid JOIN pg_namespace n ON n.oid = r.relnamespace "
				+ "WHERE n.nspname = 'public' AND r.relname NOT IN " + TOOL_TABLES
				+ " UNION ALL SELECT format('index %s', indexdef) FROM pg_indexes WHERE schemaname = 'public' "
				+ "AND tablename NOT IN " + TOOL_TABLES + " ORDER BY 1";
		List<String> lines = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				lines.add(result.getString(1));
			}
		}
		return lines;
	}

}
