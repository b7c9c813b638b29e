package dev.confiture.spring.boot.test.autoconfigure;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.EmbeddedPostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test databases are created on the server of a {@link ConfitureServerConnectionDetails}
 * bean: the twin of {@link ServiceConnectionContainerTests} that runs without Docker, on
 * a second embedded server.
 */
@ConfitureTest
@DirtiesContext
class ServerConnectionDetailsTests {

	@Autowired
	private ConfitureTestDataSource dataSource;

	@Autowired
	private EmbeddedPostgresServer server;

	@Test
	void databasesAreCreatedOnTheServerOfTheConnectionDetails() throws SQLException {
		assertThat(TestDatabases.query(this.dataSource, "SELECT current_setting('port')"))
			.containsExactly(String.valueOf(this.server.port()));
		assertThat(TestDatabases.query(this.dataSource, "SELECT count(*) FROM customer")).containsExactly("2");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class SecondServerConfiguration {

		@Bean(destroyMethod = "close")
		EmbeddedPostgresServer secondServer() {
			return EmbeddedPostgresServer.start();
		}

		@Bean
		ConfitureServerConnectionDetails confitureServerConnectionDetails(EmbeddedPostgresServer secondServer) {
			ConnectionSettings settings = secondServer.settings(secondServer.adminDatabase());
			return new ConfitureServerConnectionDetails() {

				@Override
				public String getJdbcUrl() {
					return settings.jdbcUrl();
				}

				@Override
				public String getUsername() {
					return settings.user();
				}

				@Override
				public String getPassword() {
					return settings.password();
				}

			};
		}

	}

}
