package dev.confiture.core.lint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.confiture.core.config.ConnectionSource;

/**
 * Reads the size of the tables that findings name from the live database
 * ({@code pg_class.reltuples}, {@code pg_total_relation_size}), read only.
 */
final class TableSizes {

	private final ConnectionSource live;

	TableSizes(ConnectionSource live) {
		this.live = live;
	}

	/** The findings with the live size of their table, where it exists there. */
	List<LintFinding> rank(List<LintFinding> findings) {
		Map<String, TableSize> sizes = new HashMap<>();
		try (Connection connection = this.live.open();
				PreparedStatement statement = connection.prepareStatement("SELECT c.reltuples::bigint, "
						+ "pg_total_relation_size(c.oid) FROM pg_class c WHERE c.oid = to_regclass(?) "
						+ "AND c.relkind IN ('r', 'p', 'm')")) {
			List<LintFinding> ranked = new ArrayList<>();
			for (LintFinding finding : findings) {
				String object = finding.object();
				if (object == null) {
					ranked.add(finding);
					continue;
				}
				if (!sizes.containsKey(object)) {
					sizes.put(object, read(statement, object));
				}
				TableSize size = sizes.get(object);
				ranked.add((size != null) ? finding.withSize(size) : finding);
			}
			return ranked;
		}
		catch (SQLException ex) {
			return new ArrayList<>(findings);
		}
	}

	private static TableSize read(PreparedStatement statement, String object) throws SQLException {
		statement.setString(1, object);
		try (ResultSet result = statement.executeQuery()) {
			return result.next() ? new TableSize(result.getLong(1), result.getLong(2)) : null;
		}
		catch (SQLException ex) {
			if ("42602".equals(ex.getSQLState()) || "3F000".equals(ex.getSQLState())
					|| "42P01".equals(ex.getSQLState())) {
				return null;
			}
			throw ex;
		}
	}

}
