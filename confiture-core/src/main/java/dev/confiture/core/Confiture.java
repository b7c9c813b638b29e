package dev.confiture.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import javax.sql.DataSource;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.build.BaselineRecorder;
import dev.confiture.core.build.BuildListener;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.build.BuildResult;
import dev.confiture.core.build.DatabaseContents;
import dev.confiture.core.build.SchemaBuilder;
import dev.confiture.core.build.SchemaSources;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.config.Environment;
import dev.confiture.core.config.EnvironmentLoader;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.Migrator;

/**
 * Entry point of the Java API: one environment's schema files, migrations and database.
 *
 * <pre class="code">
 * Confiture confiture = Confiture.configure()
 *     .projectDirectory(Path.of("."))
 *     .environment("local")
 *     .load();
 * BuildResult result = confiture.build(BuildOptions.defaults());
 * </pre>
 */
public final class Confiture {

	private final Environment environment;

	private final ConnectionSettings database;

	private final DataSource dataSource;

	private final BuildListener buildListener;

	private final Consumer<Migrator.Builder> migratorCustomizer;

	private Confiture(Configuration configuration, Environment environment) {
		this.environment = environment;
		this.database = configuration.database;
		this.dataSource = configuration.dataSource;
		this.buildListener = configuration.buildListener;
		this.migratorCustomizer = configuration.migratorCustomizer;
	}

	/**
	 * Starts a fluent configuration.
	 * @return a new configuration
	 */
	public static Configuration configure() {
		return new Configuration();
	}

	/**
	 * Creates an instance for an environment that is already loaded.
	 * @param environment the environment
	 * @return a new instance
	 */
	public static Confiture of(Environment environment) {
		return configure().environment(environment).load();
	}

	/** The environment. */
	public Environment environment() {
		return this.environment;
	}

	/**
	 * The database this instance works on: the configured override, else the environment's.
	 * @return the connection settings
	 * @throws ConfitureException if neither is set
	 */
	public ConnectionSettings database() {
		if (this.database != null) {
			return this.database;
		}
		if (this.environment.database() == null) {
			throw new ConfitureException(Category.CONFIG,
					"Environment '" + this.environment.name() + "' (" + this.environment.configFile()
							+ ") has no database",
					"Add 'database_url: postgresql://user:password@host:5432/db' or a 'database:' block to it, "
							+ "or pass --database-url");
		}
		return this.environment.database();
	}

	/**
	 * Finds the environment's schema and seed files, in order, without connecting.
	 * @return the files
	 */
	public SchemaSources sources() {
		return SchemaSources.discover(this.environment);
	}

	/**
	 * Builds the database from the schema files (and seeds unless schema-only), in one
	 * transaction.
	 * @param options how to build
	 * @return what was done
	 */
	public BuildResult build(BuildOptions options) {
		SchemaSources sources = sources();
		return new SchemaBuilder(this.buildListener, baselineRecorder()).build(this.environment.name(), sources,
				connectionSource(), databaseDescription(), trackingSchema(), options);
	}

	/**
	 * Writes the files of a build as one SQL script instead of running them.
	 * @param options whether to leave the seeds out
	 * @param output the file to write
	 * @return the files written
	 */
	public SchemaSources writeBuild(BuildOptions options, Path output) {
		SchemaSources sources = sources();
		new SchemaBuilder(this.buildListener, BaselineRecorder.NONE).write(this.environment.name(), sources, options,
				output);
		return sources;
	}

	/**
	 * A migrator for the environment's migrations directory, tracking table and database,
	 * to be completed (lock wait, checksum policy, Java migrations, listener) and built.
	 * Connects only when an operation needs the database.
	 * @return a pre-configured builder
	 */
	public Migrator.Builder migrator() {
		Migrator.Builder builder = Migrator.builder()
			.migrationsDirectory(this.environment.migrationsDirectory())
			.displayBase(this.environment.projectDirectory())
			.trackingTable(this.environment.trackingTable());
		if (this.dataSource != null) {
			builder.dataSource(this.dataSource);
		}
		else {
			ConnectionSettings settings = (this.database != null) ? this.database : this.environment.database();
			if (settings != null) {
				builder.database(settings);
			}
		}
		this.migratorCustomizer.accept(builder);
		return builder;
	}

	/**
	 * Opens connections to the database: the configured data source, else the configured or
	 * the environment's connection settings.
	 * @return the connection source
	 */
	public ConnectionSource connectionSource() {
		return (this.dataSource != null) ? ConnectionSource.of(this.dataSource) : database();
	}

	/** The database for messages, without secrets. */
	public String databaseDescription() {
		return (this.dataSource != null) ? "the application's DataSource" : database().toString();
	}

	/**
	 * Lists what the database holds outside PostgreSQL's own schemas (tables, views,
	 * functions, types, schemas), leaving out objects that belong to extensions.
	 * @return objects as "kind schema.name"; empty for an empty database
	 */
	public List<String> existingObjects() {
		try (Connection connection = connectionSource().open()) {
			return DatabaseContents.userObjects(connection);
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not read the contents of " + databaseDescription() + ": " + ex.getMessage(),
					"Check that PostgreSQL is running and reachable", ex);
		}
	}

	/**
	 * The latest build recorded in the database.
	 * @return the build, or empty if the database was never built by Confiture
	 */
	public java.util.Optional<dev.confiture.core.build.BuildRecord> lastBuild() {
		try (Connection connection = connectionSource().open()) {
			return dev.confiture.core.build.BuildRecord.latest(connection, trackingSchema());
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not read the builds of " + databaseDescription() + ": " + ex.getMessage(),
					"Check that PostgreSQL is running and reachable", ex);
		}
	}

	// Adoption of an existing database: schema files from its catalog, Flyway's history

	/**
	 * Writes the environment's schema files from what its live database is (read only), one
	 * file per object in numbered folders, then proves them by building them into a
	 * throw-away database and comparing the catalogs; records a baseline when asked and proved.
	 * @param options what to write
	 * @return the files written and the differences found (none when proved)
	 */
	public dev.confiture.core.adopt.SchemaExportResult writeSchemaFromDatabase(
			dev.confiture.core.adopt.SchemaExportOptions options) {
		dev.confiture.core.server.PostgresServer server = (options.shadowServer() != null) ? options.shadowServer()
				: dev.confiture.core.server.PostgresServers.existing(database(), "the environment's database server");
		Migrator migrator = migrator().build();
		return new dev.confiture.core.adopt.SchemaExporter(this.environment, connectionSource(), databaseDescription(),
				(connection, sources) -> {
					migrator.lockTransaction(connection);
					SchemaBuilder.recordExisting(connection, trackingSchema(), this.environment.name(), sources);
					return migrator.baselineAll(connection).stream().map(MigrationInfo::version).toList();
				})
			.export(options, server);
	}

	/**
	 * Brings a Flyway history over: converts Flyway's versioned SQL files into migrations and
	 * records the ones Flyway applied as applied, leaving Flyway's table untouched.
	 * @param options where Flyway's files are, and whether to only show the plan
	 * @return the mapping, the rows written and what needs attention
	 */
	public dev.confiture.core.adopt.FlywayImportResult importFlyway(dev.confiture.core.adopt.FlywayImportOptions options) {
		return new dev.confiture.core.adopt.FlywayImporter(this.environment, connectionSource(), databaseDescription(),
				migrator().build())
			.importHistory(options);
	}

	/**
	 * What an existing database holds before Confiture first manages it: user objects,
	 * Confiture's tracking table, Flyway's or Liquibase's history.
	 * @return the state
	 */
	public dev.confiture.core.adopt.AdoptionState adoptionState() {
		try (Connection connection = connectionSource().open()) {
			return dev.confiture.core.adopt.AdoptionState.read(connection, this.environment.trackingTable());
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not read the contents of " + databaseDescription() + ": " + ex.getMessage(),
					"Check that PostgreSQL is running and reachable", ex);
		}
	}

	private BaselineRecorder baselineRecorder() {
		Migrator migrator = migrator().build();
		return new BaselineRecorder() {

			@Override
			public void lock(Connection connection) {
				migrator.lockTransaction(connection);
			}

			@Override
			public List<String> record(Connection connection) {
				return migrator.baselineAll(connection).stream().map(MigrationInfo::version).toList();
			}

		};
	}

	private String trackingSchema() {
		String table = this.environment.trackingTable();
		int dot = (table != null) ? table.lastIndexOf('.') : -1;
		return (dot > 0) ? table.substring(0, dot) : null;
	}

	/**
	 * Fluent configuration of a {@link Confiture} instance.
	 */
	public static final class Configuration {

		private Path projectDirectory = Path.of("");

		private String environmentName;

		private Path configFile;

		private Environment environment;

		private ConnectionSettings database;

		private BuildListener buildListener = BuildListener.NONE;

		private DataSource dataSource;

		private Consumer<Migrator.Builder> migratorCustomizer = (builder) -> {
		};

		private EnvironmentLoader loader = new EnvironmentLoader();

		Configuration() {
		}

		/** The project directory, which holds {@code db/}; the working directory by default. */
		public Configuration projectDirectory(Path projectDirectory) {
			this.projectDirectory = Objects.requireNonNull(projectDirectory);
			return this;
		}

		/** The environment to load from the project ({@code db/environments/NAME.yaml} or {@code confiture.yaml}). */
		public Configuration environment(String name) {
			this.environmentName = name;
			return this;
		}

		/** A configuration file to load instead of looking in the project directory. */
		public Configuration configFile(Path file) {
			this.configFile = file;
			return this;
		}

		/** An environment that is already loaded. */
		public Configuration environment(Environment environment) {
			this.environment = environment;
			return this;
		}

		/** A database that overrides the environment's. */
		public Configuration database(ConnectionSettings database) {
			this.database = database;
			return this;
		}

		/** A data source to use instead of connection settings, e.g. a Spring application's. */
		public Configuration dataSource(DataSource dataSource) {
			this.dataSource = dataSource;
			return this;
		}

		/**
		 * Completes every {@link Migrator} this instance makes (lock wait, checksum policy, Java
		 * migrations, listener), including the one that baselines migrations after a build.
		 */
		public Configuration migrator(Consumer<Migrator.Builder> customizer) {
			this.migratorCustomizer = Objects.requireNonNull(customizer);
			return this;
		}

		/** Follows builds, e.g. to show progress. */
		public Configuration buildListener(BuildListener listener) {
			this.buildListener = Objects.requireNonNull(listener);
			return this;
		}

		/** The loader used for environment files (e.g. with other variables). */
		public Configuration environmentLoader(EnvironmentLoader loader) {
			this.loader = Objects.requireNonNull(loader);
			return this;
		}

		/**
		 * Loads the environment and creates the instance. Does not connect.
		 * @return the instance
		 * @throws ConfitureException if the configuration is invalid
		 */
		public Confiture load() {
			Environment resolved = this.environment;
			if (resolved == null) {
				resolved = (this.configFile != null) ? this.loader.loadFile(this.configFile, this.environmentName)
						: this.loader.load(this.projectDirectory,
								(this.environmentName != null) ? this.environmentName : "local");
			}
			return new Confiture(this, resolved);
		}

	}

}
