package dev.confiture.core.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs only where Docker answers; {@link PostgresServersTests} is its twin without
 * Docker.
 */
@EnabledIf("dockerAvailable")
class TestcontainersPostgresServerTests {

	static boolean dockerAvailable() {
		return TestcontainersPostgresServer.isDockerAvailable();
	}

	@Test
	void containerHandsOutDatabasesOfPostgres18() throws Exception {
		try (TestcontainersPostgresServer server = TestcontainersPostgresServer.start();
				ScratchDatabase database = server.createDatabase();
				Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
			result.next();
			assertThat(result.getInt(1)).isEqualTo(18);
			assertThat(server.description()).startsWith("Testcontainers postgres:18");
		}
	}

}
