package dev.confiture.core.lint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the lint reads back from the shadow database while a migration runs there:
 * relation storage ({@code relfilenode}), the locks this session holds
 * ({@code pg_locks}), validated constraints and enum values.
 */
final class ShadowCatalog {

	private static final String USER_RELATIONS = "n.nspname NOT IN ('pg_catalog', 'information_schema') "
			+ "AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'";

	private static final List<String> MODES = List.of("AccessShareLock", "RowShareLock", "RowExclusiveLock",
			"ShareUpdateExclusiveLock", "ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

	private final Connection connection;

	ShadowCatalog(Connection connection) {
		this.connection = connection;
	}

	/** The storage of every user relation: oid to relfilenode. */
	Map<Long, Long> storage() throws SQLException {
		Map<Long, Long> storage = new HashMap<>();
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT c.oid, c.relfilenode FROM pg_class c "
					+ "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p', 'm', 'i', 'I', 't') AND "
					+ USER_RELATIONS);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				storage.put(result.getLong(1), result.getLong(2));
			}
		}
		return storage;
	}

	/**
	 * The table a name resolves to now (the table of an index).
	 * @param name the name as written
	 * @return the table, or {@code null} if the name resolves to nothing
	 */
	Relation resolve(String name) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT t.oid, format('%I.%I', n.nspname, "
				+ "t.relname), r.oid FROM pg_class r LEFT JOIN pg_index i ON i.indexrelid = r.oid "
				+ "JOIN pg_class t ON t.oid = coalesce(i.indrelid, r.oid) JOIN pg_namespace n ON n.oid = t.relnamespace "
				+ "WHERE r.oid = to_regclass(?)")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? new Relation(result.getLong(1), result.getString(2), result.getLong(3)) : null;
			}
		}
		catch (SQLException ex) {
			if ("42602".equals(ex.getSQLState()) || "3F000".equals(ex.getSQLState())) {
				return null;
			}
			throw ex;
		}
	}

	/**
	 * The relation locks this session holds: oid to the lock (strongest mode) and current
	 * storage.
	 */
	Map<Long, Lock> locks() throws SQLException {
		Map<Long, Lock> locks = new LinkedHashMap<>();
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT l.relation, l.mode, c.relfilenode, "
				+ "coalesce(i.indrelid, c.oid) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
				+ "JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_index i ON i.indexrelid = c.oid "
				+ "WHERE l.locktype = 'relation' AND l.granted AND l.pid = pg_backend_pid() AND " + USER_RELATIONS);
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				Lock lock = new Lock(result.getString(2), result.getLong(3), result.getLong(4));
				locks.merge(result.getLong(1), lock, (a, b) -> (strength(a.mode()) >= strength(b.mode())) ? a : b);
			}
		}
		return locks;
	}

	/** The names of the validated constraints of a table. */
	Set<String> validatedConstraints(long table) throws SQLException {
		Set<String> names = new HashSet<>();
		try (PreparedStatement statement = this.connection
			.prepareStatement("SELECT conname FROM pg_constraint WHERE conrelid = ? AND convalidated")) {
			statement.setLong(1, table);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					names.add(result.getString(1));
				}
			}
		}
		return names;
	}

	/**
	 * Whether a validated CHECK proves the column NOT NULL, so that SET NOT NULL skips
	 * its scan.
	 */
	boolean hasNotNullCheck(long table, String column) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(
				"SELECT EXISTS (SELECT 1 FROM pg_constraint " + "WHERE conrelid = ? AND contype = 'c' AND convalidated "
						+ "AND pg_get_constraintdef(oid) = format('CHECK ((%I IS NOT NULL))', ?::text))")) {
			statement.setLong(1, table);
			statement.setString(2, column);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

	/** Every enum type's values in order: type to labels. */
	Map<String, List<String>> enums() throws SQLException {
		Map<String, List<String>> enums = new LinkedHashMap<>();
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT format_type(enumtypid, NULL), "
				+ "array_agg(enumlabel::text ORDER BY enumsortorder) FROM pg_enum GROUP BY 1");
				ResultSet result = statement.executeQuery()) {
			while (result.next()) {
				enums.put(result.getString(1), List.of((String[]) result.getArray(2).getArray()));
			}
		}
		return enums;
	}

	static int strength(String mode) {
		return MODES.indexOf(mode);
	}

	/**
	 * A relation that a statement names.
	 *
	 * @param table the table's oid (for an index, its table)
	 * @param name the table's schema-qualified name
	 * @param relation the oid of the relation named (the index itself for an index)
	 */
	record Relation(long table, String name, long relation) {

	}

	/**
	 * A lock this session holds.
	 *
	 * @param mode the strongest mode
	 * @param storage the relation's relfilenode now
	 * @param table the table (for an index, its table)
	 */
	record Lock(String mode, long storage, long table) {

	}

}
