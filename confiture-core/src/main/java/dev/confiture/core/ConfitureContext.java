package dev.confiture.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.build.BaselineProof;
import dev.confiture.core.build.BaselineRecorder;
import dev.confiture.core.build.BuildListener;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.config.Environment;
import dev.confiture.core.config.EnvironmentLoader;
import dev.confiture.core.config.MigrationSettings;
import dev.confiture.core.config.TenantSettings;
import dev.confiture.core.migrate.ChecksumPolicy;
import dev.confiture.core.migrate.JavaMigration;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.MigrationListener;
import dev.confiture.core.migrate.MigrationTimeouts;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.tenant.FleetOptions;
import dev.confiture.core.tenant.TenantFleet;

/**
 * What a {@link Confiture} instance works with, resolved once from its configuration: the
 * environment, the database, the shadow server and the migration engine. The facade's
 * operations take their collaborators from here.
 */
final class ConfitureContext {

	private final Environment environment;

	private final ConnectionSettings database;

	private final DataSource dataSource;

	private final BuildListener buildListener;

	private final Consumer<Migrator.Builder> migratorCustomizer;

	private final TenantSettings tenantSettings;

	private final Supplier<PostgresServer> shadowServer;

	private final MigrationSettings migrationSettings;

	private Migrator migrator;

	ConfitureContext(Confiture.Configuration configuration, Environment environment) {
		this.environment = environment;
		this.database = configuration.database;
		this.dataSource = configuration.dataSource;
		this.buildListener = configuration.buildListener;
		MigrationSettings fromFile = configuration.loader.migrationSettings(environment);
		this.migrationSettings = fromFile.overriddenBy(configuration.migrationSettings);
		MigrationTimeouts timeouts = ((configuration.timeouts != null) ? configuration.timeouts
				: MigrationTimeouts.defaults().with(fromFile))
			.with(configuration.migrationSettings);
		this.migratorCustomizer = migratorSettings(configuration, timeouts).andThen(configuration.migratorCustomizer);
		this.shadowServer = configuration.shadowServer;
		this.tenantSettings = configuration.tenantSettings;
	}

	private static Consumer<Migrator.Builder> migratorSettings(Confiture.Configuration configuration,
			MigrationTimeouts timeouts) {
		Duration lockWait = configuration.lockWait;
		ChecksumPolicy checksumPolicy = configuration.checksumPolicy;
		MigrationListener listener = configuration.migrationListener;
		List<String> packages = new ArrayList<>(configuration.javaMigrationPackages);
		ClassLoader classLoader = configuration.classLoader;
		List<JavaMigration> migrations = configuration.javaMigrations;
		return (builder) -> {
			if (timeouts != null) {
				builder.timeouts(timeouts);
			}
			if (lockWait != null) {
				builder.lockWait(lockWait);
			}
			if (checksumPolicy != null) {
				builder.checksumPolicy(checksumPolicy);
			}
			if (listener != null) {
				builder.listener(listener);
			}
			if (!packages.isEmpty()) {
				builder.javaMigrationPackages(packages.toArray(String[]::new));
			}
			if (classLoader != null) {
				builder.classLoader(classLoader);
			}
			if (!migrations.isEmpty()) {
				builder.javaMigrations(migrations);
			}
		};
	}

	Environment environment() {
		return this.environment;
	}

	BuildListener buildListener() {
		return this.buildListener;
	}

	MigrationSettings migrationSettings() {
		return this.migrationSettings;
	}

	/**
	 * The configured shadow server, or {@code null} to use {@link #shadowServer()}'s
	 * default.
	 */
	Supplier<PostgresServer> configuredShadowServer() {
		return this.shadowServer;
	}

	/** Whether a data source was given instead of connection settings. */
	boolean hasDataSource() {
		return this.dataSource != null;
	}

	/** The configured database, else the environment's, or {@code null}. */
	ConnectionSettings configuredDatabase() {
		return (this.database != null) ? this.database : this.environment.database();
	}

	ConnectionSettings database() {
		if (this.database != null) {
			return this.database;
		}
		if (this.environment.database() == null) {
			throw new ConfitureException(Category.CONFIG,
					"Environment '" + this.environment.name() + "' (" + this.environment.configFile()
							+ ") has no database",
					Remedy.of(Remedy.Kind.CONFIGURE_ENVIRONMENT_DATABASE, "environment", this.environment.name()));
		}
		return this.environment.database();
	}

	ConnectionSource connectionSource() {
		return (this.dataSource != null) ? ConnectionSource.of(this.dataSource) : database();
	}

	String databaseDescription() {
		return (this.dataSource != null) ? "the application's DataSource" : database().toString();
	}

	/**
	 * The server for throw-away databases: the configured one, else the database's
	 * server, else a test server (Testcontainers or embedded PostgreSQL).
	 */
	PostgresServer shadowServer() {
		if (this.shadowServer != null) {
			return this.shadowServer.get();
		}
		ConnectionSettings target = configuredDatabase();
		if (target != null) {
			return PostgresServers.existing(target, "the environment's database server");
		}
		return PostgresServers.shared();
	}

	/** The migrator shared by the operations that need no other settings. */
	synchronized Migrator engine() {
		if (this.migrator == null) {
			this.migrator = migrator().build();
		}
		return this.migrator;
	}

	Migrator.Builder migrator() {
		Migrator.Builder builder = Migrator.builder()
			.migrationsDirectory(this.environment.migrationsDirectory())
			.displayBase(this.environment.projectDirectory())
			.migrationLocations(this.environment.sources().migrations())
			.trackingTable(this.environment.trackingTable());
		if (this.dataSource != null) {
			builder.dataSource(this.dataSource);
		}
		else {
			ConnectionSettings settings = configuredDatabase();
			if (settings != null) {
				builder.database(settings);
			}
		}
		this.migratorCustomizer.accept(builder);
		return builder;
	}

	void requireMigrationsDirectory() {
		Path directory = this.environment.migrationsDirectory();
		if (!Files.isDirectory(directory)) {
			throw new ConfitureException(Category.CONFIG, "Migrations directory " + directory
					+ " does not exist (environment '" + this.environment.name() + "'"
					+ ((this.environment.configFile() != null) ? ", " + this.environment.configFile() : "") + ")",
					"Create it, or correct migrations_dir (relative to the project root "
							+ this.environment.projectDirectory() + ")");
		}
	}

	/** The schema of the tracking table, or {@code null} when it is not qualified. */
	String trackingSchema() {
		String table = this.environment.trackingTable();
		int dot = (table != null) ? table.lastIndexOf('.') : -1;
		return (dot > 0) ? table.substring(0, dot) : null;
	}

	/** Records a build's migrations as applied, under the migration lock. */
	BaselineRecorder baselineRecorder() {
		Migrator migrator = engine();
		return new BaselineRecorder() {

			@Override
			public void lock(Connection connection) {
				migrator.lockTransaction(connection);
			}

			@Override
			public BaselineProof prove(Connection connection) {
				return migrator.proveBaseline(connection);
			}

			@Override
			public List<String> record(Connection connection) {
				return migrator.baselineAll(connection).stream().map(MigrationInfo::version).toList();
			}

		};
	}

	TenantFleet tenantFleet(FleetOptions options) {
		TenantSettings settings = (this.tenantSettings != null) ? this.tenantSettings
				: new EnvironmentLoader().tenants(this.environment);
		if (settings == null) {
			throw new ConfitureException(Category.CONFIG,
					"Environment '" + this.environment.name() + "' declares no tenants",
					"Add a 'tenants:' block with 'schemas:' (like, list or query) or 'databases:' (list or query)");
		}
		Migrator migrator = migrator().lockWait(options.lockWait()).checksumPolicy(options.checksumPolicy()).build();
		ConnectionSettings settingsOrNull = (this.dataSource != null) ? null : database();
		return new TenantFleet(this.environment, settings, connectionSource(), databaseDescription(), settingsOrNull,
				migrator);
	}

	/**
	 * Reads something from the database on a connection of its own.
	 * @param what what is read, for the message ({@code contents}, {@code builds})
	 * @param read the read
	 * @return what was read
	 */
	<T> T read(String what, DatabaseRead<T> read) {
		try (Connection connection = connectionSource().open()) {
			return read.apply(connection);
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not read the " + what + " of " + databaseDescription() + ": " + ex.getMessage(),
					"Check that PostgreSQL is running and reachable", ex);
		}
	}

	/**
	 * A read on an open connection.
	 */
	@FunctionalInterface
	interface DatabaseRead<T> {

		T apply(Connection connection) throws SQLException;

	}

}
