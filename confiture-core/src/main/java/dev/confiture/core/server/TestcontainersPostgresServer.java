package dev.confiture.core.server;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import dev.confiture.core.config.ConnectionSettings;

/**
 * A PostgreSQL server in a Docker container started through Testcontainers. Only loaded
 * when Testcontainers is on the classpath.
 */
final class TestcontainersPostgresServer implements PostgresServer {

	static final String IMAGE = "postgres:18";

	private final PostgreSQLContainer container;

	private TestcontainersPostgresServer(PostgreSQLContainer container) {
		this.container = container;
	}

	static boolean isDockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException | LinkageError ex) {
			return false;
		}
	}

	static TestcontainersPostgresServer start() {
		PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(IMAGE)).withCommand("postgres",
				"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "max_connections=200");
		container.start();
		return new TestcontainersPostgresServer(container);
	}

	@Override
	public ConnectionSettings settings(String database) {
		return ConnectionSettings
			.parse(this.container.getJdbcUrl(), this.container.getUsername(), this.container.getPassword())
			.withDatabase(database);
	}

	@Override
	public String adminDatabase() {
		return this.container.getDatabaseName();
	}

	@Override
	public String description() {
		return "Testcontainers " + IMAGE + " on " + this.container.getHost() + ":"
				+ this.container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT);
	}

	@Override
	public void close() {
		this.container.stop();
	}

}
