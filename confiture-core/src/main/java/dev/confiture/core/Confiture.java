package dev.confiture.core;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.confiture.core.adopt.AdoptionState;
import dev.confiture.core.adopt.FlywayImportOptions;
import dev.confiture.core.adopt.FlywayImportResult;
import dev.confiture.core.adopt.FlywayImporter;
import dev.confiture.core.adopt.SchemaExportOptions;
import dev.confiture.core.adopt.SchemaExportResult;
import dev.confiture.core.adopt.SchemaExporter;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.build.BaselineRecorder;
import dev.confiture.core.build.BuildListener;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.build.BuildRecord;
import dev.confiture.core.build.BuildResult;
import dev.confiture.core.build.DatabaseContents;
import dev.confiture.core.build.SchemaBuilder;
import dev.confiture.core.build.SchemaSources;
import dev.confiture.core.build.SeedOptions;
import dev.confiture.core.build.SeedResult;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.config.Environment;
import dev.confiture.core.config.EnvironmentLoader;
import dev.confiture.core.config.MigrationSettings;
import dev.confiture.core.config.ProjectInitOptions;
import dev.confiture.core.config.ProjectInitResult;
import dev.confiture.core.config.ProjectLayout;
import dev.confiture.core.config.TenantSettings;
import dev.confiture.core.coordinate.CoordinationRegistry;
import dev.confiture.core.diff.DiffRequest;
import dev.confiture.core.diff.DiffResult;
import dev.confiture.core.lint.LintMode;
import dev.confiture.core.lint.LintOptions;
import dev.confiture.core.lint.LintResult;
import dev.confiture.core.migrate.BaselineOptions;
import dev.confiture.core.migrate.BaselineResult;
import dev.confiture.core.migrate.ChecksumPolicy;
import dev.confiture.core.migrate.GenerateOptions;
import dev.confiture.core.migrate.GenerateResult;
import dev.confiture.core.migrate.JavaMigration;
import dev.confiture.core.migrate.MigrateOptions;
import dev.confiture.core.migrate.MigrateResult;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.MigrationListener;
import dev.confiture.core.migrate.MigrationRun;
import dev.confiture.core.migrate.MigrationTimeouts;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.migrate.RollbackOptions;
import dev.confiture.core.migrate.StatusOptions;
import dev.confiture.core.migrate.StatusReport;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.sync.SchemaCopy;
import dev.confiture.core.sync.SchemaCopyOptions;
import dev.confiture.core.sync.SchemaCopyResult;
import dev.confiture.core.sync.SyncOptions;
import dev.confiture.core.sync.SyncResult;
import dev.confiture.core.sync.Synchronizer;
import dev.confiture.core.tenant.FleetAction;
import dev.confiture.core.tenant.FleetOptions;
import dev.confiture.core.tenant.FleetResult;
import dev.confiture.core.tenant.Tenant;
import dev.confiture.core.tenant.TenantCreateOptions;
import dev.confiture.core.tenant.TenantCreation;
import dev.confiture.core.validate.GitSchemaValidator;
import dev.confiture.core.validate.ValidationOptions;
import dev.confiture.core.validate.ValidationReport;
import dev.confiture.core.verify.DriftReport;
import dev.confiture.core.verify.SchemaVerifier;
import dev.confiture.core.verify.VerifyOptions;

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
 * <p>
 * Most methods delegate to their operation's class; what makes this class long is its
 * Javadoc and the nested public {@link Configuration}, which stays nested because every
 * adapter writes {@code Confiture.configure()}.
 */
public final class Confiture {

	/** How long a migration waits for another runner's lock by default. */
	public static final Duration DEFAULT_LOCK_WAIT = Migrator.DEFAULT_LOCK_WAIT;

	private final ConfitureContext context;

	private Confiture(ConfitureContext context) {
		this.context = context;
	}

	/**
	 * Writes the layout of a new project ({@code db/schema}, seeds, migrations,
	 * environments), never overwriting a file. Needs no environment and no database.
	 * @param options the project directory
	 * @return the files written and the files kept
	 */
	public static ProjectInitResult initProject(ProjectInitOptions options) {
		return ProjectLayout.write(options);
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
		return this.context.environment();
	}

	/**
	 * The database this instance works on: the configured override, else the
	 * environment's.
	 * @return the connection settings
	 * @throws ConfitureException if neither is set
	 */
	public ConnectionSettings database() {
		return this.context.database();
	}

	/**
	 * Finds the environment's schema and seed files, in order, without connecting.
	 * @return the files
	 */
	public SchemaSources sources() {
		return SchemaSources.discover(environment());
	}

	/**
	 * Builds the database from the schema files (and seeds unless schema-only), in one
	 * transaction.
	 * @param options how to build
	 * @return what was done
	 */
	public BuildResult build(BuildOptions options) {
		return new SchemaBuilder(this.context.buildListener(), this.context.baselineRecorder()).build(
				environment().name(), sources(), connectionSource(), databaseDescription(),
				this.context.trackingSchema(), options);
	}

	/**
	 * Writes the files of a build as one SQL script instead of running them.
	 * @param options whether to leave the seeds out
	 * @param output the file to write
	 * @return the files written
	 */
	public SchemaSources writeBuild(BuildOptions options, Path output) {
		SchemaSources sources = sources();
		new SchemaBuilder(this.context.buildListener(), BaselineRecorder.NONE).write(environment().name(), sources,
				options, output);
		return sources;
	}

	/**
	 * Applies pending migrations, each in its own transaction with its tracking row; as a
	 * dry run, only plans them, or runs them in one transaction and rolls it back.
	 * @param options target, steps and dry-run mode
	 * @return the run, or the plan of a planned dry run
	 */
	public MigrateResult migrate(MigrateOptions options) {
		Migrator migrator = this.context.engine();
		return switch (options.dryRun()) {
			case PLAN -> new MigrateResult(null, migrator.dryRun(options.target(), options.steps()));
			case EXECUTE -> new MigrateResult(migrator.dryRunExecute(options.target(), options.steps()), null);
			case NONE -> new MigrateResult(migrator.up(options.target(), options.steps()), null);
		};
	}

	/**
	 * Rolls back the newest applied migrations, newest first, with their down scripts.
	 * Refused before anything changes if one of them has no down.
	 * @param options how many, or down to which version
	 * @return what was rolled back
	 */
	public MigrationRun rollback(RollbackOptions options) {
		if (options.toVersion() != null) {
			return this.context.engine().downTo(options.toVersion());
		}
		return this.context.engine().down((options.steps() != null) ? options.steps() : 1);
	}

	/**
	 * Records every migration up to a version as applied without running it, for a
	 * database whose schema already contains them.
	 * @param options the version
	 * @return what was recorded
	 */
	public BaselineResult baseline(BaselineOptions options) {
		return new BaselineResult(options.version(), this.context.engine().baseline(options.version()));
	}

	/**
	 * Reports every migration, applied or not. Read-only: creates nothing, takes no lock.
	 * @param options what to include
	 * @return the report
	 */
	public StatusReport status(StatusOptions options) {
		return this.context.engine().status();
	}

	/**
	 * The number of applied migrations when the database is up to date, from one query
	 * (see {@link Migrator#appliedWhenUpToDate()}); empty when only the full status can
	 * tell.
	 */
	OptionalInt appliedWhenUpToDate() {
		return this.context.engine().appliedWhenUpToDate();
	}

	/**
	 * Every migration found (files and Java classes), ordered by version, without
	 * connecting.
	 * @return the migrations
	 */
	public List<MigrationInfo> migrations() {
		return this.context.engine().migrations();
	}

	/**
	 * The sessions that hold this tracking table's migration lock right now. Read-only.
	 * @return one line per holder; empty when nobody migrates
	 */
	public List<String> lockHolders() {
		return this.context.engine().lockHolders();
	}

	/**
	 * Brings the database to its expected state at startup, following a mode: build an
	 * empty database or migrate it ({@code AUTO}), {@code BUILD}, {@code MIGRATE}, check
	 * that nothing is pending ({@code VALIDATE}) or nothing ({@code NONE}).
	 * @param options the mode
	 * @return what was done
	 */
	public InitializeResult initialize(InitializeOptions options) {
		return new Initializer(this).initialize(options);
	}

	/**
	 * Loads the files of the environment's seed directories, in order and in one
	 * transaction, into a database that already has its schema (e.g. one built by
	 * migrations).
	 * @param options how to seed
	 * @return what ran
	 */
	public SeedResult seed(SeedOptions options) {
		return new SchemaBuilder(this.context.buildListener(), BaselineRecorder.NONE)
			.seed(SchemaSources.seeds(environment()), connectionSource(), databaseDescription());
	}

	/**
	 * The DDL that turns one schema into another, and back, read by building the schema
	 * files into throw-away databases on the shadow server. Changes nothing.
	 * @param request the two sides and how to write the DDL
	 * @return both plans with their hazards
	 */
	public DiffResult diff(DiffRequest request) {
		return SchemaComparison.diff(request, this.context::shadowServer, environment().trackingTable());
	}

	/**
	 * Writes {@code {version}_{name}.up.sql} and {@code .down.sql} with the next version
	 * in the migrations directory: empty, or the diff of two schemas and its reverse. A
	 * diff with hazards is refused unless allowed; an empty diff writes nothing.
	 * @param options the name, and the schemas to compare
	 * @return the files written and the diff
	 */
	public GenerateResult generate(GenerateOptions options) {
		return SchemaComparison.generate(options, this::diff, this.context.engine());
	}

	/**
	 * Writes the migration for the edits of the schema files: OLD is what the migrations
	 * produce (the schema files at the base commit, as git-aware validation chooses it,
	 * built into a throw-away database, plus every migration added since, replayed), NEW
	 * is the working tree's schema files. Writes nothing when the migrations already
	 * produce the files; a diff with hazards is refused unless allowed.
	 * @param options the name, the base ref and how to write the DDL
	 * @return the base, the migrations replayed, the diff and the files written
	 */
	public dev.confiture.core.migrate.SchemaEditResult generateFromSchemaEdits(
			dev.confiture.core.migrate.SchemaEditOptions options) {
		return SchemaComparison.generateFromSchemaEdits(environment(), options, this.context::shadowServer,
				(name) -> this.context.engine().generate(name));
	}

	/**
	 * Compares the database with a fresh build of its schema files (seeds left out) on
	 * the shadow server, and names every difference (drift).
	 * @param options how to verify
	 * @return the differences, empty when there is no drift
	 */
	public DriftReport verify(VerifyOptions options) {
		PostgresServer server = (options.shadowServer() != null) ? options.shadowServer() : this.context.shadowServer();
		return new SchemaVerifier(server).verify(environment(), connectionSource(), databaseDescription());
	}

	/**
	 * Git-aware checks of a change: a changed schema file has its migration, the base
	 * schema plus the new migrations reach the new schema files, and the new migrations
	 * are linted in the {@link #lintMode() lint mode} ({@code fail} fails the report on
	 * lint errors; {@code off} skips the lint), measured when {@link #lintMeasures()}.
	 * @param options what to check and against which git ref
	 * @return the report
	 */
	public ValidationReport validate(ValidationOptions options) {
		ValidationReport report = new GitSchemaValidator(this.context::shadowServer).validate(environment(), options);
		LintMode mode = lintMode();
		if (mode == LintMode.OFF) {
			return report;
		}
		String baseRef = (options.baseRef() != null || options.staged()) ? options.baseRef()
				: ValidationOptions.DEFAULT_BASE_REF;
		LintResult lint = lint(new LintOptions(List.of(), lintMeasures(), null, baseRef, options.staged()));
		return report.withCheck(lint.validationCheck(mode));
	}

	/**
	 * Coordination of schema changes between agents, in this instance's database.
	 * @return the registry of intents
	 */
	public CoordinationRegistry coordination() {
		return new CoordinationRegistry(connectionSource(), databaseDescription());
	}

	/**
	 * Coordination of schema changes between agents, in a dedicated coordination
	 * database.
	 * @param database the coordination database
	 * @param description the database for messages, without secrets
	 * @return the registry of intents
	 */
	public static CoordinationRegistry coordination(ConnectionSource database, String description) {
		return new CoordinationRegistry(database, description);
	}

	/**
	 * The Java migrations found in packages, without connecting (e.g. for ahead-of-time
	 * processing).
	 * @param packages the packages to scan
	 * @param classLoader the class loader to scan with
	 * @return the migrations found
	 */
	public static List<MigrationInfo> javaMigrations(List<String> packages, ClassLoader classLoader) {
		return Migrator.builder()
			.javaMigrationPackages(packages.toArray(String[]::new))
			.classLoader(classLoader)
			.build()
			.migrations();
	}

	/**
	 * A migrator for the environment's migrations directory, tracking table and database,
	 * to be completed (lock wait, checksum policy, Java migrations, listener) and built.
	 * Connects only when an operation needs the database.
	 * @return a pre-configured builder
	 */
	public Migrator.Builder migrator() {
		return this.context.migrator();
	}

	/**
	 * Opens connections to the database: the configured data source, else the configured
	 * or the environment's connection settings.
	 * @return the connection source
	 */
	public ConnectionSource connectionSource() {
		return this.context.connectionSource();
	}

	/** The database for messages, without secrets. */
	public String databaseDescription() {
		return this.context.databaseDescription();
	}

	/**
	 * Lists what the database holds outside PostgreSQL's own schemas (tables, views,
	 * functions, types, schemas), leaving out objects that belong to extensions.
	 * @return objects as "kind schema.name"; empty for an empty database
	 */
	public List<String> existingObjects() {
		return this.context.read("contents", DatabaseContents::userObjects);
	}

	/**
	 * The latest build recorded in the database.
	 * @return the build, or empty if the database was never built by Confiture
	 */
	public Optional<BuildRecord> lastBuild() {
		return this.context.read("builds",
				(connection) -> BuildRecord.latest(connection, this.context.trackingSchema()));
	}

	/**
	 * The lint mode before migrating: the overriding one, else the environment file's
	 * {@code lint}, else {@link LintMode#defaultFor(Environment) the environment's
	 * default}.
	 * @return the mode
	 */
	public LintMode lintMode() {
		String configured = this.context.migrationSettings().lint();
		return (configured != null) ? LintMode.parse(configured, "lint") : LintMode.defaultFor(environment());
	}

	/**
	 * Whether the lint before migrating runs the migrations on a shadow database (off
	 * unless configured: it then lints from the text and the rules only, and needs no
	 * server).
	 * @return whether to measure
	 */
	public boolean lintMeasures() {
		return Boolean.TRUE.equals(this.context.migrationSettings().lintMeasure());
	}

	/**
	 * Lints migrations: what each statement would do to a live table (locks, rewrites,
	 * data loss, the running release), measured on a shadow database; the live database
	 * is only read.
	 * @param options the files (none for the pending migrations) and whether to measure
	 * @return the findings
	 */
	public LintResult lint(LintOptions options) {
		return LintRun.lint(this.context, options);
	}

	/**
	 * Lists the environment's tenants ({@code tenants:}), ordered by name.
	 * @return the tenants
	 * @throws ConfitureException if the environment declares no tenants, or the listing
	 * is empty, names a tenant twice or names a schema that does not exist
	 */
	public List<Tenant> tenants() {
		return this.context.tenantFleet(FleetOptions.of(FleetAction.STATUS)).tenants();
	}

	/**
	 * Migrates, reports or verifies every tenant (or the named ones) in parallel; one
	 * tenant's failure never stops the others unless {@code failFast}.
	 * @param options what to do and how
	 * @return every tenant's outcome
	 */
	public FleetResult fleet(FleetOptions options) {
		FleetOptions resolved = (options.action() == FleetAction.VERIFY && options.shadowServer() == null)
				? options.withShadowServer(this.context.shadowServer()) : options;
		return this.context.tenantFleet(resolved).run(resolved);
	}

	/**
	 * Creates a tenant exactly like a build: the schema files (and seeds) in one
	 * transaction into a new schema or database, then every migration recorded as
	 * applied.
	 * @param options the tenant's name and how to build it
	 * @return what was done
	 */
	public TenantCreation createTenant(TenantCreateOptions options) {
		return this.context.tenantFleet(FleetOptions.of(FleetAction.MIGRATE)).create(options);
	}

	/**
	 * Copies the data of tables from one database to another with the same schema,
	 * streaming {@code COPY} and replacing anonymised columns on the way; each table (or
	 * group of tables that reference each other) commits on its own.
	 * @param options the two databases, the tables and the rules
	 * @return what was copied, or the plan of a dry run
	 */
	public static SyncResult sync(SyncOptions options) {
		return new Synchronizer().sync(options);
	}

	/**
	 * Builds this environment's database from its schema files (schema only), then fills
	 * each of its tables from another database through a mapping (Medium 4). A dry run
	 * builds the schema files into a shadow database instead, to check the mapping and
	 * show the plan.
	 * @param options the source, the mapping, whether to verify
	 * @return the plan, the tables copied and the verifications
	 */
	public SchemaCopyResult copySchema(SchemaCopyOptions options) {
		BuildOptions schemaOnly = BuildOptions.defaults().withSchemaOnly(true);
		return new SchemaCopy(this.context::shadowServer,
				(database) -> configure().environment(environment()).database(database).load().build(schemaOnly),
				() -> build(schemaOnly), this::connectionSource)
			.copy(options);
	}

	// Adoption of an existing database: schema files from its catalog, Flyway's history

	/**
	 * Writes the environment's schema files from what its live database is (read only),
	 * one file per object in numbered folders, then proves them by building them into a
	 * throw-away database and comparing the catalogs; records a baseline when asked and
	 * proved.
	 * @param options what to write
	 * @return the files written and the differences found (none when proved)
	 */
	public SchemaExportResult writeSchemaFromDatabase(SchemaExportOptions options) {
		PostgresServer server = (options.shadowServer() != null) ? options.shadowServer() : this.context.shadowServer();
		Migrator migrator = migrator().build();
		return new SchemaExporter(environment(), connectionSource(), databaseDescription(), (connection, sources) -> {
			migrator.lockTransaction(connection);
			SchemaBuilder.recordExisting(connection, this.context.trackingSchema(), environment().name(), sources);
			return migrator.baselineAll(connection).stream().map(MigrationInfo::version).toList();
		}).export(options, server);
	}

	/**
	 * Brings a Flyway history over: converts Flyway's versioned SQL files into migrations
	 * and records the ones Flyway applied as applied, leaving Flyway's table untouched.
	 * @param options where Flyway's files are, and whether to only show the plan
	 * @return the mapping, the rows written and what needs attention
	 */
	public FlywayImportResult importFlyway(FlywayImportOptions options) {
		return new FlywayImporter(environment(), connectionSource(), databaseDescription(), migrator().build())
			.importHistory(options);
	}

	/**
	 * What an existing database holds before Confiture first manages it: user objects,
	 * Confiture's tracking table, Flyway's or Liquibase's history.
	 * @return the state
	 */
	public AdoptionState adoptionState() {
		return this.context.read("contents",
				(connection) -> AdoptionState.read(connection, environment().trackingTable()));
	}

	/**
	 * Fluent configuration of a {@link Confiture} instance.
	 */
	public static final class Configuration {

		private Path projectDirectory = Path.of("");

		private String environmentName;

		private Path configFile;

		private Environment environment;

		ConnectionSettings database;

		BuildListener buildListener = BuildListener.NONE;

		DataSource dataSource;

		Consumer<Migrator.Builder> migratorCustomizer = (builder) -> {
		};

		Duration lockWait;

		MigrationTimeouts timeouts;

		ChecksumPolicy checksumPolicy;

		MigrationListener migrationListener;

		List<String> javaMigrationPackages = List.of();

		ClassLoader classLoader;

		List<JavaMigration> javaMigrations = List.of();

		Supplier<PostgresServer> shadowServer;

		private boolean requireMigrationsDirectory;

		EnvironmentLoader loader = new EnvironmentLoader();

		TenantSettings tenantSettings;

		MigrationSettings migrationSettings;

		Configuration() {
		}

		/**
		 * Lint mode and timeouts that take precedence over the environment file's
		 * {@code lint}, {@code lint_measure}, {@code lock_timeout},
		 * {@code statement_timeout} and {@code lock_retries} (and over
		 * {@link #timeouts}); {@code null} components keep them.
		 */
		public Configuration migrationSettings(MigrationSettings overrides) {
			this.migrationSettings = overrides;
			return this;
		}

		/**
		 * How the tenants are found, instead of the environment file's {@code tenants:}
		 * block.
		 */
		public Configuration tenants(TenantSettings settings) {
			this.tenantSettings = settings;
			return this;
		}

		/**
		 * The project directory, which holds {@code db/}; the working directory by
		 * default.
		 */
		public Configuration projectDirectory(Path projectDirectory) {
			this.projectDirectory = Objects.requireNonNull(projectDirectory);
			return this;
		}

		/**
		 * The environment to load from the project ({@code db/environments/NAME.yaml} or
		 * {@code confiture.yaml}).
		 */
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

		/**
		 * A data source to use instead of connection settings, e.g. a Spring
		 * application's.
		 */
		public Configuration dataSource(DataSource dataSource) {
			this.dataSource = dataSource;
			return this;
		}

		/**
		 * Completes every {@link Migrator} this instance makes (lock wait, checksum
		 * policy, Java migrations, listener), including the one that baselines migrations
		 * after a build.
		 */
		public Configuration migrator(Consumer<Migrator.Builder> customizer) {
			this.migratorCustomizer = Objects.requireNonNull(customizer);
			return this;
		}

		/** How long to wait for another runner's migration lock (default: 60 seconds). */
		public Configuration lockWait(Duration lockWait) {
			this.lockWait = lockWait;
			return this;
		}

		/**
		 * The lock and statement timeouts of migrations and the retries after a lock
		 * timeout.
		 */
		public Configuration timeouts(MigrationTimeouts timeouts) {
			this.timeouts = timeouts;
			return this;
		}

		/** What to do when an applied migration's file has changed (default: fail). */
		public Configuration checksumPolicy(ChecksumPolicy policy) {
			this.checksumPolicy = policy;
			return this;
		}

		/** Follows migrations, e.g. to show progress. */
		public Configuration migrationListener(MigrationListener listener) {
			this.migrationListener = listener;
			return this;
		}

		/** Packages scanned for {@link JavaMigration} classes. */
		public Configuration javaMigrationPackages(Collection<String> packages) {
			this.javaMigrationPackages = List.copyOf(packages);
			return this;
		}

		/** The class loader used to find Java migrations. */
		public Configuration classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		/** Java migrations given as instances (e.g. Spring beans). */
		public Configuration javaMigrations(Collection<? extends JavaMigration> migrations) {
			this.javaMigrations = List.copyOf(migrations);
			return this;
		}

		/**
		 * The server for throw-away databases (diff, verify, validate), asked only when
		 * one is needed; by default the database's server, else a test server.
		 */
		public Configuration shadowServer(Supplier<PostgresServer> shadowServer) {
			this.shadowServer = shadowServer;
			return this;
		}

		/**
		 * Fails {@link #load()} when the migrations directory does not exist (exit 5 in
		 * the command line), naming the path looked at.
		 */
		public Configuration requireMigrationsDirectory(boolean require) {
			this.requireMigrationsDirectory = require;
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
			ConfitureContext context = new ConfitureContext(this, resolved);
			if (this.requireMigrationsDirectory) {
				context.requireMigrationsDirectory();
			}
			return new Confiture(context);
		}

	}

}
