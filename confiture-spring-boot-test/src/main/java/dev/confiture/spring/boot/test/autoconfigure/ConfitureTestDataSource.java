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

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.datasource.AbstractDataSource;

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

	private static final Object SHARED = new Object();

	private final TemplateDatabases templates;

	private final TemplateDefinition definition;

	private final String templateName;

	private final Object monitor = new Object();

	private final Map<Object, TestDatabase> scopes = new ConcurrentHashMap<>();

	private final Set<TestDatabase> open = ConcurrentHashMap.newKeySet();

	private final ThreadLocal<TestDatabase> bound = new ThreadLocal<>();

	private TestDatabase startup;

	private ScratchDatabase baseline;

	private volatile TestDatabase current;

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
		this.startup = new TestDatabase(templates.create(definition));
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
		return database().name();
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

	TestDatabase database() {
		TestDatabase database = this.bound.get();
		if (database != null && !database.isClosed()) {
			return database;
		}
		database = this.current;
		if (database != null && !database.isClosed()) {
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
	TestDatabase open(Object scope) {
		TestDatabase database = newDatabase();
		TestDatabase previous = this.scopes.put(scope, database);
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
	TestDatabase scope(Object scope) {
		TestDatabase database = this.scopes.get(scope);
		return (database != null && !database.isClosed()) ? database : open(scope);
	}

	/**
	 * The database of the context, shared by the tests that never refresh it.
	 * @return the database
	 */
	TestDatabase shared() {
		return scope(SHARED);
	}

	/**
	 * Opens a fresh database that belongs to no scope (a test method); drop it with
	 * {@link #drop(TestDatabase)}.
	 * @return the database
	 */
	TestDatabase openUnscoped() {
		return newDatabase();
	}

	/**
	 * Drops the database of a scope.
	 * @param scope the scope
	 */
	void close(Object scope) {
		TestDatabase database = this.scopes.remove(scope);
		if (database != null) {
			drop(database);
		}
	}

	void bind(TestDatabase database) {
		this.bound.set(database);
	}

	TestDatabase bound() {
		return this.bound.get();
	}

	void unbind() {
		this.bound.remove();
	}

	void drop(TestDatabase database) {
		if (this.current == database) {
			this.current = null;
		}
		this.open.remove(database);
		database.close();
		dropQuietly(database.scratch());
	}

	private TestDatabase newDatabase() {
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
		TestDatabase database = new TestDatabase(take(next, from));
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
	private ScratchDatabase freeze(TestDatabase database) {
		if (this.current == database) {
			this.current = null;
		}
		database.closePool();
		try (Connection admin = this.templates.server().connect(this.templates.server().adminDatabase());
				PreparedStatement statement = admin.prepareStatement("SELECT pg_terminate_backend(pid) "
						+ "FROM pg_stat_activity WHERE datname = ? AND pid <> pg_backend_pid()")) {
			statement.setString(1, database.name());
			statement.execute();
		}
		catch (SQLException ex) {
			logger.debug("Could not end the sessions of " + database.name(), ex);
		}
		return database.scratch();
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
		for (TestDatabase database : this.open) {
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
			dropQuietly(this.startup.scratch());
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

}
