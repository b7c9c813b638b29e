package dev.confiture.spring.boot.test.autoconfigure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.confiture.core.internal.Identifiers;
import dev.confiture.core.Confiture;
import dev.confiture.core.InitializeOptions;
import dev.confiture.core.InitializeOptions.Mode;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.build.SeedOptions;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.TemplateSource;

/**
 * The template databases of one PostgreSQL server. A template is built once per
 * {@link TemplateDefinition#key() key}, under a PostgreSQL advisory lock so that parallel
 * JVMs (and threads) build it once between them, then marked {@code IS_TEMPLATE} and
 * closed to connections; test databases are cloned from it with
 * {@code CREATE DATABASE ... TEMPLATE}, which copies files instead of running DDL.
 * Building a template drops the older templates of the same
 * {@link TemplateDefinition#variant() variant} (the same project with other files).
 */
final class TemplateDatabases {

	/** Prefix of template database names. */
	static final String PREFIX = "confiture_tpl_";

	private static final String COMMENT_PREFIX = "confiture template variant=";

	/** First key of the advisory locks taken around template creation ("Ctpl"). */
	private static final int LOCK_KEY = 0x4374706c;

	private static final Log logger = LogFactory.getLog(TemplateDatabases.class);

	private static final Map<String, TemplateDatabases> instances = new ConcurrentHashMap<>();

	private final PostgresServer server;

	private final Map<String, Object> locks = new ConcurrentHashMap<>();

	private final Set<String> ready = ConcurrentHashMap.newKeySet();

	private final Map<String, List<String>> events = new ConcurrentHashMap<>();

	TemplateDatabases(PostgresServer server) {
		this.server = server;
	}

	/**
	 * The templates of a server, one instance per server and JVM.
	 * @param server the server
	 * @return its templates
	 */
	static TemplateDatabases on(PostgresServer server) {
		return instances.computeIfAbsent(server.description(), (description) -> new TemplateDatabases(server));
	}

	PostgresServer server() {
		return this.server;
	}

	/**
	 * Makes sure that the template of a definition exists, building it if needed.
	 * @param definition the definition
	 * @return the name of the template database
	 */
	String ensure(TemplateDefinition definition) {
		String name = definition.databaseName();
		if (this.ready.contains(name)) {
			return name;
		}
		synchronized (this.locks.computeIfAbsent(name, (key) -> new Object())) {
			if (this.ready.contains(name)) {
				return name;
			}
			try (Connection admin = this.server.connect(this.server.adminDatabase())) {
				lock(admin, name, true);
				try {
					if (isTemplate(admin, name)) {
						record(name, "found");
					}
					else {
						long started = System.nanoTime();
						build(admin, definition, name);
						record(name, "built");
						logger.info("Confiture: built template database " + name + " ("
								+ definition.source().name().toLowerCase(java.util.Locale.ROOT) + ") in "
								+ (System.nanoTime() - started) / 1_000_000 + " ms");
						removeStale(admin, definition.variant(), name);
					}
				}
				finally {
					lock(admin, name, false);
				}
			}
			catch (SQLException ex) {
				throw new ConfitureException(
						Category.DATABASE, "Could not prepare the template database " + name + " on "
								+ this.server.description() + ": " + ex.getMessage(),
						"Check that the user may CREATE DATABASE on the test server", ex);
			}
			this.ready.add(name);
			return name;
		}
	}

	/**
	 * Creates a new database from the template of a definition, building the template
	 * first if needed (also when another JVM dropped it in the meantime).
	 * @param definition the definition
	 * @return the new database, dropped when closed
	 */
	ScratchDatabase create(TemplateDefinition definition) {
		String name = ensure(definition);
		try {
			return this.server.createDatabase(name);
		}
		catch (ConfitureException ex) {
			if (!isMissingDatabase(ex)) {
				throw ex;
			}
			this.ready.remove(name);
			return this.server.createDatabase(ensure(definition));
		}
	}

	/**
	 * What happened to a template in this JVM: {@code built} or {@code found} (built by
	 * an earlier run or another JVM), once per time the server was consulted.
	 * @param name the template name
	 * @return the events, oldest first
	 */
	List<String> events(String name) {
		return List.copyOf(this.events.getOrDefault(name, List.of()));
	}

	/**
	 * The names of the template databases on the server.
	 * @return the names
	 */
	List<String> templateNames() {
		List<String> names = new ArrayList<>();
		try (Connection admin = this.server.connect(this.server.adminDatabase());
				PreparedStatement statement = admin
					.prepareStatement("SELECT datname FROM pg_database WHERE datname LIKE ? ORDER BY datname")) {
			statement.setString(1, PREFIX.replace("_", "\\_") + "%");
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					names.add(result.getString(1));
				}
			}
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE, "Could not list template databases: " + ex.getMessage(),
					(String) null, ex);
		}
		return names;
	}

	private void record(String name, String event) {
		this.events.computeIfAbsent(name, (key) -> new CopyOnWriteArrayList<>()).add(event);
	}

	private void build(Connection admin, TemplateDefinition definition, String name) throws SQLException {
		execute(admin, "DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
		execute(admin, "CREATE DATABASE " + Identifiers.quote(name));
		try {
			ConnectionSettings settings = this.server.settings(name);
			Confiture confiture = definition
				.customize(Confiture.configure().environment(definition.environment()).database(settings))
				.load();
			if (definition.source() == TemplateSource.SCHEMA) {
				confiture.initialize(InitializeOptions.of(Mode.BUILD).withBaselineProof(definition.proveBaseline()));
			}
			else {
				confiture.initialize(InitializeOptions.of(Mode.MIGRATE));
				confiture.seed(SeedOptions.defaults());
			}
			execute(admin, "COMMENT ON DATABASE " + Identifiers.quote(name) + " IS '" + COMMENT_PREFIX
					+ definition.variant() + " built=" + System.currentTimeMillis() + "'");
			execute(admin,
					"ALTER DATABASE " + Identifiers.quote(name) + " WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
		}
		catch (RuntimeException | SQLException ex) {
			try {
				execute(admin, "DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
			}
			catch (SQLException dropFailure) {
				ex.addSuppressed(dropFailure);
			}
			throw ex;
		}
	}

	/**
	 * Drops the templates of the variant that are older than the given one. A template
	 * that another session is cloning right now is left for the next time.
	 */
	private void removeStale(Connection admin, String variant, String current) {
		List<String> stale = new ArrayList<>();
		long builtAt = builtAt(admin, current);
		try (PreparedStatement statement = admin
			.prepareStatement("SELECT datname, shobj_description(oid, 'pg_database') "
					+ "FROM pg_database WHERE datname LIKE ? AND datname <> ?")) {
			statement.setString(1, PREFIX.replace("_", "\\_") + "%");
			statement.setString(2, current);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					String comment = result.getString(2);
					if (comment != null && comment.startsWith(COMMENT_PREFIX + variant + " ")
							&& parseBuiltAt(comment) <= builtAt) {
						stale.add(result.getString(1));
					}
				}
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not look for stale template databases", ex);
			return;
		}
		for (String name : stale) {
			try {
				execute(admin, "ALTER DATABASE " + Identifiers.quote(name) + " WITH IS_TEMPLATE false");
				execute(admin, "DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
				this.ready.remove(name);
				logger.info("Confiture: dropped stale template database " + name);
			}
			catch (SQLException ex) {
				logger.debug("Could not drop stale template database " + name, ex);
			}
		}
	}

	private static long builtAt(Connection admin, String name) {
		try (PreparedStatement statement = admin
			.prepareStatement("SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() ? parseBuiltAt(result.getString(1)) : Long.MAX_VALUE;
			}
		}
		catch (SQLException ex) {
			return Long.MIN_VALUE;
		}
	}

	private static long parseBuiltAt(String comment) {
		int index = (comment != null) ? comment.indexOf(" built=") : -1;
		if (index < 0) {
			return Long.MAX_VALUE;
		}
		try {
			return Long.parseLong(comment.substring(index + " built=".length()).trim());
		}
		catch (NumberFormatException ex) {
			return Long.MAX_VALUE;
		}
	}

	private static boolean isTemplate(Connection admin, String name) throws SQLException {
		try (PreparedStatement statement = admin
			.prepareStatement("SELECT datistemplate FROM pg_database WHERE datname = ?")) {
			statement.setString(1, name);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private static void lock(Connection admin, String name, boolean acquire) throws SQLException {
		try (PreparedStatement statement = admin
			.prepareStatement("SELECT " + (acquire ? "pg_advisory_lock" : "pg_advisory_unlock") + "(?, hashtext(?))")) {
			statement.setInt(1, LOCK_KEY);
			statement.setString(2, name);
			statement.execute();
		}
	}

	private static boolean isMissingDatabase(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql && "3D000".equals(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
