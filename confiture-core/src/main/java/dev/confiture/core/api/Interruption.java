package dev.confiture.core.api;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.postgresql.PGConnection;

/**
 * Stops the work in progress when the process is asked to end (e.g. on a signal): the
 * statement that runs on each work connection is cancelled on the server, and no further
 * statement starts, so the running transaction is rolled back and locks are released as
 * on any failure.
 */
public final class Interruption {

	private static final Map<Connection, String> RUNNING = new ConcurrentHashMap<>();

	private static volatile String reason;

	private Interruption() {
	}

	/**
	 * Tracks a connection on which work runs until the returned handle is closed.
	 * @param connection the work connection
	 * @param what the work, for messages (e.g. "migrations of jdbc:postgresql://host/db")
	 * @return closes the tracking
	 */
	public static Tracked track(Connection connection, String what) {
		RUNNING.put(connection, what);
		return () -> RUNNING.remove(connection);
	}

	/**
	 * Interrupts all tracked work: cancels the running statements and refuses new ones.
	 * @param why why, for messages (e.g. "SIGTERM")
	 * @return what was running
	 */
	public static List<String> interrupt(String why) {
		reason = why;
		List<String> interrupted = new ArrayList<>();
		RUNNING.forEach((connection, what) -> {
			interrupted.add(what);
			try {
				connection.unwrap(PGConnection.class).cancelQuery();
			}
			catch (SQLException ex) {
				// the connection is gone: nothing runs on it any more
			}
		});
		return interrupted;
	}

	/**
	 * Forgets an interruption, for a process that goes on working after one (such as a
	 * test run).
	 */
	public static void clear() {
		reason = null;
	}

	/** Why the work was interrupted, or {@code null} if it was not. */
	public static String reason() {
		return reason;
	}

	/**
	 * Throws if the work was interrupted; called before each statement.
	 * @param what what was about to run, for the message
	 * @throws ConfitureException with {@link ConfitureException.Category#INTERRUPTED}
	 */
	public static void check(String what) {
		String why = reason;
		if (why != null) {
			throw new ConfitureException(ConfitureException.Category.INTERRUPTED,
					"Interrupted (" + why + ") before " + what, "Run the command again when you are ready");
		}
	}

	/** A tracked connection; closing it stops the tracking. */
	@FunctionalInterface
	public interface Tracked extends AutoCloseable {

		@Override
		void close();

	}

}
