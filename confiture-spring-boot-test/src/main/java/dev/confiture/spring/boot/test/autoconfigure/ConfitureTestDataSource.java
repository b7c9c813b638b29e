package dev.confiture.spring.boot.test.autoconfigure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.ClassUtils;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.ScratchDatabase;

/**
 * The {@link DataSource} of a test application context: connections go to a clone of a
 * Confiture template database, a different clone per test class (or test method, or
 * shared by the context, see {@link AutoConfigureConfiture.Refresh}).
 * <p>
 * The context starts on a clone of the template. When the first test class starts, that
 * clone (holding whatever the application did at startup) becomes the baseline of the
 * context, and every test class gets a clone of the baseline. A thread running a test
 * uses the test's database; any other thread uses the most recently opened one. Every
 * database is dropped when its scope ends or, at the latest, when the context closes.
 * <p>
 * The next clone is made in the background while a test runs, so that a test class rarely
 * waits for {@code CREATE DATABASE}.
 *
 * @since 0.1.0
 */
public final class ConfitureTestDataSource extends AbstractDataSource implements DisposableBean {

	private static final Log logger = LogFactory.getLog(ConfitureTestDataSource.class);

	private static final boolean HIKARI_PRESENT = ClassUtils.isPresent("com.zaxxer.hikari.HikariDataSource",
			ConfitureTestDataSource.class.getClassLoader());

	private static final Object SHARED = new Object();

	private final TemplateDatabases templates;

	private final TemplateDefinition definition;

	private final String templateName;

	private final Object monitor = new Object();

	private final Map<Object, Database> scopes = new ConcurrentHashMap<>();

	private final Set<Database> open = ConcurrentHashMap.newKeySet();

	private final ThreadLocal<Database> bound = new ThreadLocal<>();

	private Database startup;

	private ScratchDatabase baseline;

	private volatile Database current;

	private volatile boolean destroyed;

	private final ExecutorService background = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "confiture-test-databases");
		thread.setDaemon(true);
		return thread;
	});

	private Future<ScratchDatabase> spare;

	ConfitureTestDataSource(TemplateDatabases templates, TemplateDefinition definition) {
		this.templates = templates;
		this.definition = definition;
		this.templateName = templates.ensure(definition);
		this.startup = new Database(templates.create(definition));
		this.current = this.startup;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return database().getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return database().getConnection(username, password);
	}

	/**
	 * The name of the database that the calling thread's connections go to.
	 * @return the database name
	 */
	public String getDatabaseName() {
		return database().scratch.name();
	}

	/**
	 * The name of the template database the test databases are cloned from.
	 * @return the template name
	 */
	public String getTemplateName() {
		return this.templateName;
	}

	TemplateDatabases templates() {
		return this.templates;
	}

	TemplateDefinition definition() {
		return this.definition;
	}

	Database database() {
		Database database = this.bound.get();
		if (database != null && !database.closed) {
			return database;
		}
		database = this.current;
		if (database != null && !database.closed) {
			return database;
		}
		return shared();
	}

	/**
	 * Opens a fresh database for a scope (a test class), dropping the scope's previous
	 * one.
	 * @param scope the scope
	 * @return the database
	 */
	Database open(Object scope) {
		Database database = newDatabase();
		Database previous = this.scopes.put(scope, database);
		if (previous != null) {
			drop(previous);
		}
		return database;
	}

	/**
	 * The database of a scope, opened if it has none.
	 * @param scope the scope
	 * @return the database
	 */
	Database scope(Object scope) {
		Database database = this.scopes.get(scope);
		return (database != null && !database.closed) ? database : open(scope);
	}

	/**
	 * The database of the context, shared by the tests that never refresh it.
	 * @return the database
	 */
	Database shared() {
		return scope(SHARED);
	}

	/**
	 * Opens a fresh database that belongs to no scope (a test method); drop it with
	 * {@link #drop(Database)}.
	 * @return the database
	 */
	Database openUnscoped() {
		return newDatabase();
	}

	/**
	 * Drops the database of a scope.
	 * @param scope the scope
	 */
	void close(Object scope) {
		Database database = this.scopes.remove(scope);
		if (database != null) {
			drop(database);
		}
	}

	void bind(Database database) {
		this.bound.set(database);
	}

	Database bound() {
		return this.bound.get();
	}

	void unbind() {
		this.bound.remove();
	}

	void drop(Database database) {
		if (this.current == database) {
			this.current = null;
		}
		this.open.remove(database);
		database.close();
		dropQuietly(database.scratch);
	}

	private Database newDatabase() {
		Future<ScratchDatabase> next;
		ScratchDatabase from;
		synchronized (this.monitor) {
			if (this.destroyed) {
				throw new IllegalStateException("The test databases of this context were dropped with the context");
			}
			if (this.baseline == null) {
				this.baseline = freeze(this.startup);
				this.startup = null;
			}
			from = this.baseline;
			next = this.spare;
			this.spare = this.background.submit(() -> clone(from));
		}
		Database database = new Database(take(next, from));
		this.open.add(database);
		this.current = database;
		return database;
	}

	private ScratchDatabase take(Future<ScratchDatabase> spare, ScratchDatabase from) {
		if (spare != null) {
			try {
				return spare.get();
			}
			catch (ExecutionException ex) {
				logger.debug("Could not prepare a test database in the background", ex.getCause());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return clone(from);
	}

	private ScratchDatabase clone(ScratchDatabase from) {
		return this.templates.server().createDatabase(from.name());
	}

	/**
	 * Makes the database the context started on into the baseline of later clones: closes
	 * its connections, which PostgreSQL requires of a template.
	 */
	private ScratchDatabase freeze(Database database) {
		if (this.current == database) {
			this.current = null;
		}
		database.closePool();
		try (Connection admin = this.templates.server().connect(this.templates.server().adminDatabase());
				PreparedStatement statement = admin.prepareStatement("SELECT pg_terminate_backend(pid) "
						+ "FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
			statement.setString(1, database.scratch.name());
			statement.execute();
		}
		catch (SQLException ex) {
			logger.debug("Could not end the sessions of " + database.scratch.name(), ex);
		}
		return database.scratch;
	}

	@Override
	public void destroy() throws InterruptedException {
		Future<ScratchDatabase> pending;
		synchronized (this.monitor) {
			this.destroyed = true;
			pending = this.spare;
			this.spare = null;
		}
		this.scopes.clear();
		for (Database database : this.open) {
			drop(database);
		}
		this.background.shutdown();
		if (!this.background.awaitTermination(1, TimeUnit.MINUTES)) {
			logger.warn("Test databases of " + this + " are still being created or dropped");
		}
		if (pending != null && pending.isDone() && !pending.isCancelled()) {
			try {
				dropQuietly(pending.get());
			}
			catch (ExecutionException ex) {
				// nothing was created
			}
		}
		if (this.startup != null) {
			this.startup.close();
			dropQuietly(this.startup.scratch);
		}
		if (this.baseline != null) {
			dropQuietly(this.baseline);
		}
	}

	private static void dropQuietly(ScratchDatabase database) {
		try {
			database.close();
		}
		catch (RuntimeException ex) {
			logger.debug("Could not drop test database " + database.name(), ex);
		}
	}

	@Override
	public String toString() {
		return "ConfitureTestDataSource (template " + this.templateName + ", " + this.definition.source() + ")";
	}

	/**
	 * One test database and its connection pool.
	 */
	static final class Database {

		private final ScratchDatabase scratch;

		private final DataSource pool;

		private volatile boolean closed;

		Database(ScratchDatabase scratch) {
			this.scratch = scratch;
			this.pool = pool(scratch);
		}

		String name() {
			return this.scratch.name();
		}

		Connection getConnection() throws SQLException {
			check();
			return this.pool.getConnection();
		}

		Connection getConnection(String username, String password) throws SQLException {
			check();
			ConnectionSettings settings = this.scratch.settings();
			return new ConnectionSettings(settings.jdbcUrl(), username, password).connect();
		}

		private void check() throws SQLException {
			if (this.closed) {
				throw new SQLException("Test database " + this.scratch.name() + " was dropped at the end of its test");
			}
		}

		void closePool() {
			if (this.pool instanceof AutoCloseable closeable) {
				try {
					closeable.close();
				}
				catch (Exception ex) {
					logger.debug("Could not close the pool of " + this.scratch.name(), ex);
				}
			}
		}

		void close() {
			this.closed = true;
			closePool();
		}

		private static DataSource pool(ScratchDatabase scratch) {
			ConnectionSettings settings = scratch.settings();
			if (HIKARI_PRESENT) {
				return HikariPool.create(settings, scratch.name());
			}
			SimpleDriverDataSource dataSource = new SimpleDriverDataSource();
			dataSource.setDriverClass(org.postgresql.Driver.class);
			dataSource.setUrl(settings.jdbcUrl());
			dataSource.setUsername(settings.user());
			dataSource.setPassword(settings.password());
			return dataSource;
		}

	}

	private static final class HikariPool {

		static DataSource create(ConnectionSettings settings, String name) {
			HikariConfig config = new HikariConfig();
			config.setJdbcUrl(settings.jdbcUrl());
			config.setUsername(settings.user());
			config.setPassword(settings.password());
			config.setPoolName("confiture-" + name);
			config.setMaximumPoolSize(10);
			config.setMinimumIdle(0);
			config.setInitializationFailTimeout(-1);
			return new HikariDataSource(config);
		}

	}

}
