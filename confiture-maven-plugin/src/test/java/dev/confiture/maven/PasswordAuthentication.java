package dev.confiture.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.confiture.core.server.ScratchDatabase;

/**
 * Makes the test server ask one role for its password (test servers trust every local
 * connection), so that a test can tell a right password from a wrong one.
 */
final class PasswordAuthentication {

	private PasswordAuthentication() {
	}

	static void require(ScratchDatabase database, String role) throws Exception {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			Path hba;
			try (ResultSet result = statement.executeQuery("SHOW hba_file")) {
				result.next();
				hba = Path.of(result.getString(1));
			}
			if (!Files.isWritable(hba)) {
				throw new IllegalStateException("This test needs a server whose pg_hba.conf it can write (" + hba
						+ "), such as the embedded one; unset " + "CONFITURE_TEST_JDBC_URL to use it");
			}
			String rules = "host all " + role + " all scram-sha-256\nlocal all " + role + " scram-sha-256\n";
			Files.writeString(hba, rules + Files.readString(hba));
			reload(statement);
		}
	}

	private static void reload(Statement statement) throws SQLException {
		try (ResultSet result = statement.executeQuery("SELECT pg_reload_conf()")) {
			result.next();
		}
	}

}
