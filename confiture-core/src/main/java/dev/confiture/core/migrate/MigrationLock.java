package dev.confiture.core.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * A session-level advisory lock held on a dedicated connection for as long as migrations
 * run. PostgreSQL releases it when that session ends, so a killed runner never leaves it
 * behind.
 */
final class MigrationLock implements AutoCloseable {

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

	private final Connection connection;

	private final long key;

	private MigrationLock(Connection connection, long key) {
		this.connection = connection;
		this.key = key;
	}

	/**
	 * Takes the lock, waiting at most {@code wait}. The wait polls with
	 * {@code pg_try_advisory_lock}, each poll a short statement of its own, so that a
	 * waiting runner never holds a snapshot: a {@code CREATE INDEX CONCURRENTLY} of the
	 * runner that holds the lock would otherwise wait for the waiting runner, which waits
	 * for it.
	 * @param connection a dedicated connection in auto-commit mode, kept open while
	 * locked
	 * @param key the advisory lock key
	 * @param wait how long to wait for another runner
	 * @param tableName the tracking table, for messages
	 * @return the held lock
	 * @throws SQLException on database failure
	 * @throws ConfitureException with {@link Category#LOCK} naming the holder on timeout
	 */
	static MigrationLock acquire(Connection connection, long key, Duration wait, String tableName) throws SQLException {
		long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(wait.toMillis(), 0));
		long pause = TimeUnit.MILLISECONDS.toNanos(10);
		boolean acquired = queryBoolean(connection, "SELECT pg_try_advisory_lock(?)", key);
		while (!acquired && System.nanoTime() < deadline) {
			LockSupport.parkNanos(Math.min(pause, Math.max(deadline - System.nanoTime(), 0)));
			pause = Math.min(pause * 2, TimeUnit.MILLISECONDS.toNanos(250));
			acquired = queryBoolean(connection, "SELECT pg_try_advisory_lock(?)", key);
		}
		if (!acquired) {
			throw timeout(connection, key, wait, tableName);
		}
		return new MigrationLock(connection, key);
	}

	/**
	 * Takes the same lock for the rest of the caller's transaction
	 * ({@code pg_advisory_xact_lock}), e.g. so that a build and a migration never run at
	 * the same time. PostgreSQL releases it at commit or rollback.
	 * @param connection a connection inside a transaction
	 * @param key the advisory lock key
	 * @param wait how long to wait for another runner
	 * @param tableName the tracking table, for messages
	 * @throws SQLException on database failure
	 * @throws ConfitureException with {@link Category#LOCK} naming the holder on timeout
	 */
	static void acquireForTransaction(Connection connection, long key, Duration wait, String tableName)
			throws SQLException {
		acquireForTransaction(connection, key, wait, tableName, null);
	}

	/**
	 * Takes the lock like
	 * {@link #acquireForTransaction(Connection, long, Duration, String)} and runs a query
	 * after it, all in one round trip (the savepoint that keeps a timeout from aborting
	 * the caller's transaction, the lock, and the query).
	 * @param connection a connection inside a transaction
	 * @param key the advisory lock key
	 * @param wait how long to wait for another runner
	 * @param tableName the tracking table, for messages
	 * @param query a query that runs once the lock is held, or {@code null}
	 * @return the first column of the query's first row, or {@code null} without a row
	 * @throws SQLException on database failure
	 * @throws ConfitureException with {@link Category#LOCK} naming the holder on timeout
	 */
	static Object acquireForTransaction(Connection connection, long key, Duration wait, String tableName, String query)
			throws SQLException {
		long millis = Math.min(Math.max(wait.toMillis(), 1), Integer.MAX_VALUE);
		try (Statement statement = connection.createStatement()) {
			statement.setEscapeProcessing(false);
			try {
				boolean rows = statement.execute("SAVEPOINT confiture_lock;\nSET LOCAL lock_timeout = " + millis
						+ ";\nSELECT pg_advisory_xact_lock(" + key + ");\nRELEASE SAVEPOINT confiture_lock;\n"
						+ "SET LOCAL lock_timeout TO DEFAULT" + ((query != null) ? ";\n" + query : ""));
				Object last = null;
				// the lock's own row (void) is left unread: reading it makes the driver
				// look its type up
				boolean lockRow = true;
				while (rows || statement.getUpdateCount() != -1) {
					if (rows && lockRow) {
						lockRow = false;
					}
					else if (rows) {
						try (ResultSet result = statement.getResultSet()) {
							last = result.next() ? result.getObject(1) : null;
						}
					}
					rows = statement.getMoreResults();
				}
				return last;
			}
			catch (SQLException ex) {
				if (!LOCK_NOT_AVAILABLE.equals(ex.getSQLState())) {
					throw ex;
				}
				statement.execute("ROLLBACK TO SAVEPOINT confiture_lock");
				throw timeout(connection, key, wait, tableName);
			}
		}
	}

	/** The dedicated connection that holds the lock, idle while migrations run. */
	Connection connection() {
		return this.connection;
	}

	/**
	 * Whether the session that holds the lock is still alive.
	 * @return {@code true} if the lock is still held
	 */
	boolean isHeld() {
		try {
			return this.connection.isValid(10);
		}
		catch (SQLException ex) {
			return false;
		}
	}

	/** Releases the lock; the connection stays open. */
	@Override
	public void close() {
		try {
			queryBoolean(this.connection, "SELECT pg_advisory_unlock(?)", this.key);
		}
		catch (SQLException ex) {
			// The session is gone, and the lock with it
		}
	}

	private static ConfitureException timeout(Connection connection, long key, Duration wait, String tableName)
			throws SQLException {
		List<String> holders = holders(connection, key);
		String holder = holders.isEmpty() ? "a session that has ended since" : String.join("; ", holders);
		return new ConfitureException(Category.LOCK, "Could not acquire the migration lock of " + tableName + " within "
				+ format(wait) + ": held by " + holder, Remedy.of(Remedy.Kind.LOCK_HELD));
	}

	static List<String> holders(Connection connection, long key) throws SQLException {
		String sql = "SELECT a.pid, a.application_name, a.client_addr::text, a.usename, a.backend_start, "
				+ "a.query_start, a.state FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
				+ "WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 "
				+ "AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database()) "
				+ "AND l.classid::bigint = ? AND l.objid::bigint = ? ORDER BY a.pid";
		List<String> holders = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key >>> 32);
			statement.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					String application = result.getString(2);
					String client = result.getString(3);
					OffsetDateTime backendStart = result.getObject(5, OffsetDateTime.class);
					OffsetDateTime queryStart = result.getObject(6, OffsetDateTime.class);
					StringBuilder text = new StringBuilder("pid ").append(result.getInt(1));
					text.append(", application_name '").append((application != null) ? application : "").append('\'');
					text.append(", client ").append((client != null) ? client : "local socket");
					text.append(", user ").append(result.getString(4));
					if (backendStart != null) {
						text.append(", connected since ").append(TIME.format(backendStart));
					}
					if (queryStart != null) {
						text.append(", last query at ").append(TIME.format(queryStart));
					}
					holders.add(text.toString());
				}
			}
		}
		return holders;
	}

	private static String format(Duration wait) {
		long millis = wait.toMillis();
		return (millis % 1000 == 0) ? (millis / 1000) + " s" : millis + " ms";
	}

	private static boolean queryBoolean(Connection connection, String sql, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setLong(1, key);
			try (ResultSet result = statement.executeQuery()) {
				result.next();
				return result.getBoolean(1);
			}
		}
	}

}
