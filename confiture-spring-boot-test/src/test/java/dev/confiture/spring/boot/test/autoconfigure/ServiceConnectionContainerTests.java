package dev.confiture.spring.boot.test.autoconfigure;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.test.annotation.DirtiesContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@link ServiceConnection @ServiceConnection} {@link PostgreSQLContainer}: test
 * databases are created on the container. Needs Docker;
 * {@link ServerConnectionDetailsTests} is its twin without Docker.
 */
@ConfitureTest
@DirtiesContext
@EnabledIf(value = "dockerAvailable", disabledReason = "Docker is not available")
class ServiceConnectionContainerTests {

	@Autowired
	private ConfitureTestDataSource dataSource;

	@Autowired
	private PostgreSQLContainer postgres;

	@Test
	void databasesAreCreatedOnTheContainer() throws SQLException {
		try (var connection = this.dataSource.getConnection()) {
			assertThat(connection.getMetaData().getURL()).contains(":" + this.postgres.getMappedPort(5432) + "/");
		}
		assertThat(TestDatabases.query(this.dataSource, "SELECT count(*) FROM customer")).containsExactly("2");
	}

	static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ContainerConfiguration {

		@Bean
		@ServiceConnection
		PostgreSQLContainer postgres() {
			return new PostgreSQLContainer(DockerImageName.parse("postgres:18"));
		}

	}

}
