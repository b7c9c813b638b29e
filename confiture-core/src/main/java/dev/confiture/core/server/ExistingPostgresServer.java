package dev.confiture.core.server;

import dev.confiture.core.config.ConnectionSettings;

/**
 * A server that somebody else runs, reached through a JDBC URL. Closing it does nothing.
 */
final class ExistingPostgresServer implements PostgresServer {

	private final ConnectionSettings admin;

	private final String source;

	ExistingPostgresServer(ConnectionSettings admin, String source) {
		this.admin = admin;
		this.source = source;
	}

	@Override
	public ConnectionSettings settings(String database) {
		return this.admin.withDatabase(database);
	}

	@Override
	public String adminDatabase() {
		String database = this.admin.database();
		return database.isEmpty() ? "postgres" : database;
	}

	@Override
	public String description() {
		return "PostgreSQL at " + this.admin.sanitizedUrl() + " (from " + this.source + ")";
	}

	@Override
	public void close() {
	}

}
