package dev.confiture.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Verifies what a contender left in its database, after the clock stops.
 */
@FunctionalInterface
interface DatabaseCheck {

	/** Checks nothing. */
	DatabaseCheck NONE = (connection) -> {
	};

	/**
	 * Checks the database.
	 * @param connection a connection to it
	 * @throws SQLException if the database cannot be read
	 * @throws IllegalStateException if the database is not as expected
	 */
	void verify(Connection connection) throws SQLException;

	/**
	 * This check, then another.
	 * @param next the other check
	 * @return the combined check
	 */
	default DatabaseCheck and(DatabaseCheck next) {
		return (connection) -> {
			verify(connection);
			next.verify(connection);
		};
	}

	/**
	 * Checks how many ordinary tables of the {@code public} schema have a name matching a
	 * regular expression.
	 * @param namePattern the regular expression
	 * @param expected the expected number
	 * @return the check
	 */
	static DatabaseCheck tables(String namePattern, int expected) {
		return count("tables matching " + namePattern,
				"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
						+ "WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname ~ ?",
				expected, namePattern);
	}

	/**
	 * Checks how many indexes of the {@code public} schema have a name matching a regular
	 * expression.
	 * @param namePattern the regular expression
	 * @param expected the expected number
	 * @return the check
	 */
	static DatabaseCheck indexes(String namePattern, int expected) {
		return count("indexes matching " + namePattern,
				"SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
						+ "WHERE n.nspname = 'public' AND c.relkind = 'i' AND c.relname ~ ?",
				expected, namePattern);
	}

	/**
	 * Checks the number of rows of a table with a condition.
	 * @param table the table
	 * @param condition a SQL condition on its rows
	 * @param expected the expected number
	 * @return the check
	 */
	static DatabaseCheck rows(String table, String condition, int expected) {
		return count("rows of " + table + " where " + condition,
				"SELECT count(*) FROM " + table + " WHERE " + condition, expected);
	}

	private static DatabaseCheck count(String what, String sql, int expected, String... parameters) {
		return (connection) -> {
			try (PreparedStatement statement = connection.prepareStatement(sql)) {
				for (int i = 0; i < parameters.length; i++) {
					statement.setString(i + 1, parameters[i]);
				}
				try (ResultSet result = statement.executeQuery()) {
					result.next();
					int actual = result.getInt(1);
					if (actual != expected) {
						throw new IllegalStateException("Expected " + expected + " " + what + ", found " + actual);
					}
				}
			}
		};
	}

}
