package dev.confiture.core.server;

import java.sql.Connection;
import java.sql.SQLException;

import dev.confiture.core.config.ConnectionSettings;

/**
 * A running PostgreSQL server that hands out throw-away databases. Obtain the JVM-wide
 * one with {@link PostgresServers#shared()}.
 */
public interface PostgresServer extends AutoCloseable {

	/**
	 * Settings for connecting to the given database of this server as its administrative
	 * user.
	 * @param database the database name
	 * @return the settings
	 */
	ConnectionSettings settings(String database);

	/** The database used for administrative work such as {@code CREATE DATABASE}. */
	String adminDatabase();

	/** Where the server comes from and where it listens, without any secret. */
	String description();

	/**
	 * Opens a connection to a database of this server.
	 * @param database the database name
	 * @return an open connection in auto-commit mode
	 * @throws SQLException if the connection fails
	 */
	default Connection connect(String database) throws SQLException {
		return settings(database).connect();
	}

	/**
	 * Creates a new empty database with a unique name.
	 * @return the database, dropped when closed
	 */
	default ScratchDatabase createDatabase() {
		return createDatabase(null);
	}

	/**
	 * Creates a new database with a unique name as a copy of a template database.
	 * @param template the template database, or {@code null} for the server's default
	 * @return the database, dropped when closed
	 */
	default ScratchDatabase createDatabase(String template) {
		return ScratchDatabase.create(this, template);
	}

	/** Stops the server if this object started it; otherwise does nothing. */
	@Override
	void close();

}
