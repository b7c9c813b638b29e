package dev.confiture.core.migrate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Watches, from another session, what blocks the session that runs a migration
 * ({@code pg_blocking_pids}) while it waits for a lock, so that a lock timeout can name
 * the blocking sessions: pid, application, user, state, transaction age and the start of
 * the query (never parameter values).
 */
final class BlockerWatch implements AutoCloseable {

	private static final String BLOCKERS = "SELECT a.pid, a.application_name, a.usename, a.state, "
			+ "extract(epoch FROM now() - a.xact_start)::bigint, left(a.query, 200) FROM pg_stat_activity a "
			+ "WHERE a.pid = ANY (pg_blocking_pids(?)) ORDER BY a.pid";

	private final ScheduledExecutorService scheduler;

	private volatile List<String> last = List.of();

	private BlockerWatch(Connection watcher, int pid, Duration every) {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "confiture-blocker-watch");
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(every.toMillis(), 10);
		this.scheduler.scheduleWithFixedDelay(() -> poll(watcher, pid), 0, millis, TimeUnit.MILLISECONDS);
	}

	/**
	 * Starts watching the session of a connection.
	 * @param watcher the connection to poll on (not the watched one)
	 * @param watched the connection that runs the migration
	 * @param lockTimeout the lock timeout; polled a few times within it
	 * @return the watch
	 */
	static BlockerWatch start(Connection watcher, Connection watched, Duration lockTimeout) throws SQLException {
		int pid;
		try (PreparedStatement statement = watched.prepareStatement("SELECT pg_backend_pid()");
				ResultSet result = statement.executeQuery()) {
			result.next();
			pid = result.getInt(1);
		}
		return new BlockerWatch(watcher, pid, Duration.ofMillis(Math.min(lockTimeout.toMillis() / 5, 250)));
	}

	private void poll(Connection watcher, int pid) {
		List<String> blockers = new ArrayList<>();
		synchronized (watcher) {
			try (PreparedStatement statement = watcher.prepareStatement(BLOCKERS)) {
				statement.setInt(1, pid);
				try (ResultSet result = statement.executeQuery()) {
					while (result.next()) {
						String application = result.getString(2);
						String query = result.getString(6);
						blockers.add("pid " + result.getInt(1) + ", application_name '"
								+ ((application != null) ? application : "") + "', user " + result.getString(3)
								+ ", state " + result.getString(4) + ", transaction open for " + result.getLong(5)
								+ " s, query: " + ((query != null) ? query.replaceAll("\\s+", " ").strip() : ""));
					}
				}
			}
			catch (SQLException ex) {
				return;
			}
		}
		if (!blockers.isEmpty()) {
			this.last = List.copyOf(blockers);
		}
	}

	/** The sessions seen blocking the migration most recently; empty if none was seen. */
	List<String> blockers() {
		return this.last;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		try {
			this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
