package dev.confiture.core.tenant;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.internal.Identifiers;

/**
 * Keeps the connections of one database open between tenants, so that a fleet of schemas
 * does not pay a new PostgreSQL session per tenant. A borrowed connection starts clean:
 * settings reset, advisory locks released, {@code search_path} set to the tenant's
 * schema. The number of tenants at a time is bounded by the caller, so the pool never
 * waits. A connection is closed after {@value #MAX_USES} uses: each tenant leaves
 * statements naming its own tracking table in the driver's statement cache (and prepared
 * on the server), which a fresh connection lets go, so that neither grows with the fleet.
 */
final class ConnectionPool implements AutoCloseable {

	static final int MAX_USES = 200;

	private final ConnectionSource settings;

	private final Deque<Pooled> idle = new ArrayDeque<>();

	private boolean closed;

	ConnectionPool(ConnectionSource settings) {
		this.settings = settings;
	}

	/**
	 * A data source whose connections work in a schema (or in the default search path).
	 * @param schema the tenant's schema, or {@code null}
	 * @return the data source
	 */
	DataSource dataSource(String schema) {
		return new SchemaDataSource(this, schema);
	}

	Connection borrow(String schema) throws SQLException {
		Pooled pooled;
		synchronized (this) {
			pooled = this.idle.pollFirst();
		}
		if (pooled == null || pooled.connection().isClosed()) {
			pooled = new Pooled(this.settings.open(), 0);
		}
		Connection connection = pooled.connection();
		try (Statement statement = connection.createStatement()) {
			String setup = "RESET ALL; SELECT pg_advisory_unlock_all()";
			if (schema != null) {
				setup += "; SET search_path TO " + Identifiers.quote(schema) + ", public";
			}
			statement.execute(setup);
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		return wrap(new Pooled(connection, pooled.uses() + 1));
	}

	private void giveBack(Pooled pooled) {
		Connection connection = pooled.connection();
		try {
			if (!connection.getAutoCommit()) {
				connection.rollback();
				connection.setAutoCommit(true);
			}
			synchronized (this) {
				if (!this.closed && pooled.uses() < MAX_USES) {
					this.idle.addFirst(pooled);
					return;
				}
			}
			connection.close();
		}
		catch (SQLException ex) {
			try {
				connection.close();
			}
			catch (SQLException ignored) {
				// gone already
			}
		}
	}

	private Connection wrap(Pooled pooled) {
		Connection connection = pooled.connection();
		AtomicBoolean released = new AtomicBoolean();
		return (Connection) Proxy.newProxyInstance(ConnectionPool.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					switch (method.getName()) {
						case "close" -> {
							if (released.compareAndSet(false, true)) {
								giveBack(pooled);
							}
							return null;
						}
						case "isClosed" -> {
							return released.get() || connection.isClosed();
						}
						case "unwrap" -> {
							return connection.unwrap((Class<?>) args[0]);
						}
						case "equals" -> {
							return proxy == args[0];
						}
						case "hashCode" -> {
							return System.identityHashCode(proxy);
						}
						default -> {
							if (released.get()) {
								throw new SQLException("Connection is closed");
							}
							try {
								return method.invoke(connection, args);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
						}
					}
				});
	}

	@Override
	public void close() {
		Deque<Pooled> connections;
		synchronized (this) {
			this.closed = true;
			connections = new ArrayDeque<>(this.idle);
			this.idle.clear();
		}
		for (Pooled pooled : connections) {
			try {
				pooled.connection().close();
			}
			catch (SQLException ex) {
				// closing anyway
			}
		}
	}

	/**
	 * A connection of the pool and how many times it was borrowed.
	 */
	private record Pooled(Connection connection, int uses) {

	}

	private record SchemaDataSource(ConnectionPool pool, String schema) implements DataSource {

		@Override
		public Connection getConnection() throws SQLException {
			return this.pool.borrow(this.schema);
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			throw new SQLFeatureNotSupportedException("The tenant pool connects with the environment's user");
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public <T> T unwrap(Class<T> type) throws SQLException {
			throw new SQLException("Not a wrapper of " + type.getName());
		}

		@Override
		public boolean isWrapperFor(Class<?> type) {
			return false;
		}

	}

}
