package dev.confiture.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import dev.confiture.core.server.PostgresServer;

/**
 * Lets pending writes settle before a measured repetition: a {@code CHECKPOINT} on the
 * server, then {@code sync} of the file systems where the command exists.
 */
final class Quiesce {

	private static final Path SYNC = Path.of("/bin/sync");

	private Quiesce() {
	}

	static void server(PostgresServer server) {
		try (Connection connection = server.connect(server.adminDatabase());
				Statement statement = connection.createStatement()) {
			statement.execute("CHECKPOINT");
		}
		catch (SQLException ex) {
			// Not allowed for this user (CHECKPOINT needs pg_checkpoint): go on without
			// it
		}
		if (Files.isExecutable(SYNC)) {
			try {
				Subprocess.run(List.of(SYNC.toString()), Map.of());
			}
			catch (Exception ex) {
				// Best effort only
			}
		}
	}

}
