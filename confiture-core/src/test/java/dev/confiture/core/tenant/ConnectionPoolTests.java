package dev.confiture.core.tenant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet's pool against a real PostgreSQL: a connection is reused, in the borrower's
 * schema, until it has served its number of uses, then replaced by a fresh session.
 */
class ConnectionPoolTests {

	@Test
	void connectionIsReusedThenReplacedAfterItsUses() throws SQLException {
		try (ScratchDatabase database = PostgresServers.shared().createDatabase();
				ConnectionPool pool = new ConnectionPool(database.settings())) {
			Set<Integer> sessions = new HashSet<>();
			for (int i = 0; i < ConnectionPool.MAX_USES; i++) {
				sessions.add(session(pool, (i % 2 == 0) ? "tenant_a" : "tenant_b"));
			}
			assertThat(sessions).hasSize(1);
			sessions.add(session(pool, "tenant_a"));
			assertThat(sessions).hasSize(2);
		}
	}

	private static int session(ConnectionPool pool, String schema) throws SQLException {
		try (Connection connection = pool.dataSource(schema).getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT pg_backend_pid(), current_setting('search_path')")) {
			rows.next();
			assertThat(rows.getString(2)).isEqualTo(schema + ", public");
			return rows.getInt(1);
		}
	}

}
