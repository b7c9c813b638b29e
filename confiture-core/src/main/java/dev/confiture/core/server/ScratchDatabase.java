package dev.confiture.core.server;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

import dev.confiture.core.internal.Identifiers;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;

/**
 * A database created on a {@link PostgresServer} for a short time (a test, a diff, a
 * template clone) and dropped when closed.
 */
public final class ScratchDatabase implements AutoCloseable {

	private static final String NAME_PREFIX = "confiture_tmp_";

	private final PostgresServer server;

	private final String name;

	private volatile boolean dropped;

	private ScratchDatabase(PostgresServer server, String name) {
		this.server = server;
		this.name = name;
	}

	static ScratchDatabase create(PostgresServer server, String template) {
		String name = NAME_PREFIX + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong()).substring(4);
		String sql = "CREATE DATABASE " + Identifiers.quote(name)
				+ ((template != null) ? " TEMPLATE " + Identifiers.quote(template) : "");
		try (Connection connection = server.connect(server.adminDatabase());
				Statement statement = connection.createStatement()) {
			statement.execute((template != null && fileCopyIsCheap(statement)) ? sql + " STRATEGY FILE_COPY" : sql);
		}
		catch (SQLException ex) {
			String state = String.valueOf(ex.getSQLState());
			if (state.startsWith("08") || state.startsWith("28") || state.equals("3D000")) {
				throw new ConfitureException(Category.DATABASE,
						"Could not connect to " + server.description() + ": " + ex.getMessage(),
						"Check that this PostgreSQL server is running and reachable and that its user name and "
								+ "password are right",
						ex);
			}
			throw new ConfitureException(Category.DATABASE,
					"Could not create database " + name + ((template != null) ? " from template " + template : "")
							+ " on " + server.description() + ": " + ex.getMessage(),
					"Check that the user may CREATE DATABASE"
							+ ((template != null) ? " and that nobody is connected to " + template : ""),
					ex);
		}
		return new ScratchDatabase(server, name);
	}

	/**
	 * Whether to clone by copying files rather than WAL-logging each block: several times
	 * faster, but it takes two checkpoints, which are cheap only without fsync (as on the
	 * test servers that Confiture starts).
	 */
	private static boolean fileCopyIsCheap(Statement statement) throws SQLException {
		try (java.sql.ResultSet result = statement
			.executeQuery("SELECT current_setting('server_version_num')::int >= 150000 "
					+ "AND current_setting('fsync') = 'off'")) {
			return result.next() && result.getBoolean(1);
		}
	}

	/** The database name. */
	public String name() {
		return this.name;
	}

	/** Settings for connecting to this database. */
	public ConnectionSettings settings() {
		return this.server.settings(this.name);
	}

	/** The server that holds this database. */
	public PostgresServer server() {
		return this.server;
	}

	/**
	 * Opens a new connection to this database.
	 * @return an open connection in auto-commit mode
	 * @throws SQLException if the connection fails
	 */
	public Connection connect() throws SQLException {
		return settings().connect();
	}

	/** Drops the database, ending any session still connected to it. */
	@Override
	public void close() {
		if (this.dropped) {
			return;
		}
		this.dropped = true;
		try (Connection connection = this.server.connect(this.server.adminDatabase());
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(this.name) + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not drop database " + this.name + ": " + ex.getMessage(), (String) null, ex);
		}
	}

	@Override
	public String toString() {
		return this.name + " on " + this.server.description();
	}

}
