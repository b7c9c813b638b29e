package dev.confiture.core.migrate;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Interruption;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.sql.SqlExecutionException;

/**
 * The database a migrator works on: how to connect, its tracking table, and the migration
 * lock that serialises the runners of one tracking table. Holds no connection between
 * calls.
 */
final class MigrationDatabase {

	private final ConnectionSource connections;

	private final String description;

	private final TrackingTable trackingTable;

	private final Duration lockWait;

	MigrationDatabase(ConnectionSource connections, String description, TrackingTable trackingTable,
			Duration lockWait) {
		this.connections = connections;
		this.description = description;
		this.trackingTable = trackingTable;
		this.lockWait = lockWait;
	}

	/** The database for messages, without secrets. */
	String description() {
		return this.description;
	}

	/** The tracking table as configured. */
	TrackingTable trackingTable() {
		return this.trackingTable;
	}

	/** How long to wait for another runner's lock. */
	Duration lockWait() {
		return this.lockWait;
	}

	/**
	 * Opens a connection.
	 * @return the connection
	 * @throws ConfitureException with {@link Category#DATABASE} when the database cannot
	 * be reached
	 */
	Connection open() {
		try {
			return this.connections.open();
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not connect to " + this.description + ": " + ex.getMessage(),
					Remedy.of(Remedy.Kind.CHECK_CONNECTION), ex);
		}
	}

	/**
	 * Runs work under the migration lock: the lock is held on a connection of its own,
	 * the work runs on a second one, which a signal cancels.
	 * @param <T> the result
	 * @param work the work
	 * @return its result
	 */
	<T> T locked(LockedWork<T> work) {
		try (Connection lockConnection = open()) {
			TrackingTable.Resolved table = this.trackingTable.resolve(lockConnection);
			try (MigrationLock lock = MigrationLock.acquire(lockConnection, table.lockKey(), this.lockWait,
					table.displayName());
					Connection connection = open();
					Interruption.Tracked tracked = Interruption.track(connection,
							"migrations of " + this.description)) {
				return work.run(new Session(connection, this.trackingTable.resolve(connection), lock,
						serverMajorVersion(connection)));
			}
		}
		catch (SQLException ex) {
			throw failure(ex);
		}
	}

	/**
	 * Runs read-only work on one connection, without the lock.
	 * @param <T> the result
	 * @param work the work, given the connection and the tracking table
	 * @return its result
	 */
	<T> T read(ReadWork<T> work) {
		try (Connection connection = open()) {
			return work.run(connection, this.trackingTable.resolve(connection));
		}
		catch (SQLException ex) {
			throw failure(ex);
		}
	}

	/**
	 * Takes the migration lock for the rest of the caller's transaction.
	 * @param connection a connection inside a transaction
	 */
	void lockTransaction(Connection connection) {
		lockTransaction(connection, null);
	}

	/**
	 * Takes the migration lock for the rest of the caller's transaction and runs a query,
	 * in one round trip when the tracking table is schema-qualified.
	 * @param connection a connection inside a transaction
	 * @param query the query, or {@code null}
	 * @return the first column of its first row, or {@code null} without a row or query
	 */
	Object lockTransaction(Connection connection, String query) {
		try {
			TrackingTable.Resolved table = this.trackingTable.qualified();
			if (table == null) {
				table = this.trackingTable.resolve(connection);
			}
			return MigrationLock.acquireForTransaction(connection, table.lockKey(), this.lockWait, table.displayName(),
					query);
		}
		catch (SQLException ex) {
			throw failure(ex);
		}
	}

	/**
	 * The sessions that hold the migration lock right now.
	 * @return one line per holder
	 */
	List<String> lockHolders() {
		return read((connection, table) -> MigrationLock.holders(connection, table.lockKey()));
	}

	/**
	 * A failure of the database, naming the tracking table.
	 * @param ex the failure
	 * @return the exception to throw
	 */
	ConfitureException failure(SQLException ex) {
		return new ConfitureException(Category.DATABASE,
				"Database error on " + this.description + ": " + this.trackingTable.configured() + ": "
						+ SqlExecutionException.describe(ex),
				isConnectionLost(ex) ? "The connection was lost; check the server and run the command again"
						: "Check that the user may read and write the tracking table "
								+ this.trackingTable.configured(),
				ex);
	}

	/** Whether the failure means the session has gone (terminated, network lost). */
	private static boolean isConnectionLost(SQLException ex) {
		String state = ex.getSQLState();
		return state != null
				&& (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
	}

	static ConfitureException notInitialized(TrackingTable.Resolved table) {
		return new ConfitureException(Category.NOT_INITIALIZED,
				"Migrations are not initialised in this database: tracking table " + table.displayName()
						+ " does not exist",
				Remedy.of(Remedy.Kind.INITIALIZE_FIRST));
	}

	static int serverMajorVersion(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseMajorVersion();
	}

	/**
	 * A connection that holds nothing, the tracking table as resolved on it, the lock
	 * (held on another connection) and the server's major version.
	 */
	record Session(Connection connection, TrackingTable.Resolved table, MigrationLock lock, int serverMajorVersion) {
	}

	/**
	 * Work done under the migration lock.
	 *
	 * @param <T> its result
	 */
	@FunctionalInterface
	interface LockedWork<T> {

		T run(Session session) throws SQLException;

	}

	/**
	 * Read-only work on one connection.
	 *
	 * @param <T> its result
	 */
	@FunctionalInterface
	interface ReadWork<T> {

		T run(Connection connection, TrackingTable.Resolved table) throws SQLException;

	}

}
