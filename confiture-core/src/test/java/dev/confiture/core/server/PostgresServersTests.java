package dev.confiture.core.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.confiture.core.api.ConfitureException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PostgresServersTests {

	@Test
	void sharedServerIsStartedOncePerJvm() {
		assertThat(PostgresServers.shared()).isSameAs(PostgresServers.shared());
	}

	@Test
	void createdDatabaseIsUsableAndDroppedOnClose() throws SQLException {
		PostgresServer server = PostgresServers.shared();
		String name;
		try (ScratchDatabase database = server.createDatabase();
				Connection connection = database.connect();
				Statement statement = connection.createStatement()) {
			name = database.name();
			statement.execute("CREATE TABLE t (id int)");
			assertThat(queryInt(connection, "SELECT count(*) FROM t")).isZero();
			assertThat(queryInt(connection, "SELECT current_setting('server_version_num')::int")).isGreaterThan(130000);
		}
		try (Connection admin = server.connect(server.adminDatabase())) {
			assertThat(queryInt(admin, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")).isZero();
		}
	}

	@Test
	void databaseCreatedFromTemplateHasTheTemplateContent() throws SQLException {
		PostgresServer server = PostgresServers.shared();
		try (ScratchDatabase template = server.createDatabase()) {
			try (Connection connection = template.connect(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE copied (id int); INSERT INTO copied VALUES (1), (2)");
			}
			try (ScratchDatabase copy = server.createDatabase(template.name());
					Connection connection = copy.connect()) {
				assertThat(queryInt(connection, "SELECT count(*) FROM copied")).isEqualTo(2);
			}
		}
	}

	@Test
	void explicitUrlWinsAndItsPasswordIsNeverShown() {
		String url = PostgresServers.shared().settings("postgres").jdbcUrl();
		Map<String, String> environment = Map.of(PostgresServers.URL_VARIABLE, url + "?user=postgres&password=s3cret");
		PostgresServer server = PostgresServers.find(environment::get, (name) -> null);
		assertThat(server).isInstanceOf(ExistingPostgresServer.class);
		assertThat(server.description()).contains(PostgresServers.URL_VARIABLE).doesNotContain("s3cret");
		try (ScratchDatabase database = server.createDatabase()) {
			assertThat(database.name()).startsWith("confiture_tmp_");
		}
	}

	@Test
	void unknownTemplateNamesTheTemplate() {
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> PostgresServers.shared().createDatabase("no_such_template"))
			.withMessageContaining("no_such_template");
	}

	private static int queryInt(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getInt(1);
		}
	}

}
