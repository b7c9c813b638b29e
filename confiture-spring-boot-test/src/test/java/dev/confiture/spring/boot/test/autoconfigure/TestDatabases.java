package dev.confiture.spring.boot.test.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.context.ApplicationContext;

/**
 * What test classes saw, for the tests that compare classes with each other.
 */
final class TestDatabases {

	/** Names of the databases that the isolation tests ran on. */
	static final Set<String> isolationDatabases = ConcurrentHashMap.newKeySet();

	/** Application contexts of the isolation tests. */
	static final Set<ApplicationContext> isolationContexts = ConcurrentHashMap.newKeySet();

	private TestDatabases() {
	}

	static boolean exists(DataSource anyDatabase, String name) throws SQLException {
		return !query(anyDatabase, "SELECT datname FROM pg_database WHERE datname = '" + name + "'").isEmpty();
	}

	static List<String> query(DataSource dataSource, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

}
