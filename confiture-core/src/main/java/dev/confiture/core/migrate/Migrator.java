package dev.confiture.core.migrate;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

import javax.sql.DataSource;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.build.BaselineProof;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.migrate.ExecutedMigration.Outcome;
import dev.confiture.core.resource.FileSystemLocation;
import dev.confiture.core.resource.SqlLocation;

/**
 * Applies, rolls back and reports versioned migrations: {@code {version}_{name}.up.sql}
 * files with an optional {@code .down.sql}, and {@link JavaMigration}s.
 * <p>
 * Migrations are checked (one version each, valid file names, no orphaned rollback)
 * before anything connects. Operations that change the database hold a session-level
 * advisory lock on a dedicated connection, so concurrent runners are serialised, and
 * verify the checksums of applied migrations before anything runs. Each migration commits
 * together with its tracking row; migrations that PostgreSQL cannot run in a transaction
 * run in auto-commit mode and are recorded only after they succeed.
 * <p>
 * Each operation lives in a class of its own ({@link MigrateUp}, {@link MigrateDown},
 * {@link MigrateBaseline}, {@link StatusReports}), as Flyway's {@code DbMigrate} and
 * {@code DbInfo}; this class holds the settings and its public {@link Builder} (about
 * half of its lines, nested so that callers keep writing {@code Migrator.builder()}).
 * <p>
 * A {@code Migrator} holds no connection between operations and may be used from several
 * threads.
 */
public final class Migrator {

	/** How long to wait for the migration lock unless configured otherwise. */
	public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

	/** The tracking table unless configured otherwise. */
	public static final String DEFAULT_TRACKING_TABLE = TrackingTable.DEFAULT_NAME;

	private final MigrationDatabase database;

	private final MigrationDiscovery discovery;

	private final Path migrationsDirectory;

	private final ChecksumPolicy checksumPolicy;

	private final MigrationListener listener;

	private final Clock clock;

	private final MigrationTimeouts timeouts;

	private Migrator(Builder builder) {
		this.database = new MigrationDatabase(builder.connections, builder.databaseDescription,
				TrackingTable.parse(builder.trackingTable), builder.lockWait);
		this.discovery = new MigrationDiscovery(builder.migrationLocations(), builder.javaPackages,
				(builder.classLoader != null) ? builder.classLoader : defaultClassLoader(), builder.javaMigrations);
		this.migrationsDirectory = builder.migrationsDirectory;
		this.checksumPolicy = builder.checksumPolicy;
		this.listener = builder.listener;
		this.clock = builder.clock;
		this.timeouts = builder.timeouts;
	}

	private Migrator(Migrator source, MigrationDatabase database, MigrationListener listener) {
		this.database = database;
		this.discovery = source.discovery;
		this.migrationsDirectory = source.migrationsDirectory;
		this.checksumPolicy = source.checksumPolicy;
		this.listener = (listener != null) ? listener : MigrationListener.NONE;
		this.clock = source.clock;
		this.timeouts = source.timeouts;
	}

	/**
	 * A migrator with the same migrations and settings for another database or schema
	 * (one tenant of a fleet). The migrations already found are reused, so many tenants
	 * cost one scan.
	 * @param dataSource opens connections to the other database
	 * @param description the other database for messages, without secrets
	 * @param trackingTable the other tracking table, possibly schema-qualified
	 * @param listener receives the progress of the other database
	 * @return a new migrator
	 */
	public Migrator withTarget(DataSource dataSource, String description, String trackingTable,
			MigrationListener listener) {
		if (!this.discovery.discovered()) {
			this.discovery.discover();
		}
		ConnectionSource connections = dataSource::getConnection;
		return new Migrator(this, new MigrationDatabase(connections, description, TrackingTable.parse(trackingTable),
				this.database.lockWait()), listener);
	}

	/**
	 * Like {@link #withTarget}, but the migrations are found only when an operation needs
	 * them, e.g. by {@link #prepareBaselineAll()} on another thread while this one
	 * connects.
	 * @param dataSource opens connections to the other database
	 * @param description the other database for messages, without secrets
	 * @param trackingTable the other tracking table, possibly schema-qualified
	 * @return a new migrator
	 */
	public Migrator withTargetLazily(DataSource dataSource, String description, String trackingTable) {
		ConnectionSource connections = dataSource::getConnection;
		return new Migrator(this, new MigrationDatabase(connections, description, TrackingTable.parse(trackingTable),
				this.database.lockWait()), null);
	}

	/**
	 * Starts configuring a migrator.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Every migration found on disk and on the classpath, ordered by version, without
	 * connecting.
	 * @return the migrations
	 * @throws ConfitureException if two migrations share a version or a file is misnamed
	 */
	public List<MigrationInfo> migrations() {
		return this.discovery.discover().all().stream().map(ResolvedMigration::info).toList();
	}

	/**
	 * Applies every pending migration.
	 * @return what was applied
	 */
	public MigrationRun up() {
		return up(null, null);
	}

	/**
	 * Applies pending migrations in version order.
	 * @param target the highest version to apply, or {@code null} for all
	 * @param steps how many migrations to apply at most, or {@code null} for all
	 * @return what was applied
	 */
	public MigrationRun up(String target, Integer steps) {
		return migrateUp().apply(target, steps, false);
	}

	/**
	 * Runs what {@link #up(String, Integer)} would run inside one transaction and rolls
	 * it all back. Migrations that cannot run in a transaction are listed as
	 * {@link Outcome#NOT_RUN}.
	 * @param target the highest version, or {@code null}
	 * @param steps how many migrations at most, or {@code null}
	 * @return what each migration did before the rollback
	 */
	public MigrationRun dryRunExecute(String target, Integer steps) {
		return migrateUp().apply(target, steps, true);
	}

	/**
	 * Computes what {@link #up(String, Integer)} would run, as SQL, without changing
	 * anything and without taking the lock.
	 * @param target the highest version, or {@code null}
	 * @param steps how many migrations at most, or {@code null}
	 * @return the plan
	 */
	public MigrationPlan dryRun(String target, Integer steps) {
		return migrateUp().plan(target, steps);
	}

	/**
	 * Rolls back the newest applied migrations, newest version first. Refused before
	 * anything changes if one of them has no down.
	 * @param steps how many migrations to roll back, at least 1
	 * @return what was rolled back
	 */
	public MigrationRun down(int steps) {
		return migrateDown().steps(steps);
	}

	/**
	 * Rolls back every applied migration newer than a version, newest first, so that the
	 * version becomes the newest applied one ({@code 0} rolls back everything). Refused
	 * before anything changes if one of them has no down.
	 * @param version an applied version, or {@code 0}
	 * @return what was rolled back
	 */
	public MigrationRun downTo(String version) {
		return migrateDown().to(version);
	}

	/**
	 * Whether the database is up to date, asked with one query that sends no row back:
	 * the tracking table holds exactly the migrations found, each with its file's
	 * checksum. Read-only, like {@link #status()}, whose answer it never contradicts.
	 * @return the number of applied migrations when it is up to date; empty when it is
	 * not, or when only the full status can tell (read it then)
	 */
	public OptionalInt appliedWhenUpToDate() {
		MigrationSet set = this.discovery.discover();
		return this.database
			.read((connection, table) -> UpToDateCheck.appliedWhenUpToDate(connection, table, set.all()));
	}

	/**
	 * Reports every migration, applied or not. Read-only: does not create the tracking
	 * table and does not take the lock.
	 * @return the report
	 */
	public StatusReport status() {
		MigrationSet set = this.discovery.discover();
		return this.database.read((connection, table) -> StatusReports.of(table, set, table.read(connection),
				IndexValidity.invalid(connection)));
	}

	/**
	 * Describes the sessions that hold the migration lock of this tracking table right
	 * now (pid, application name, client, user, since when). Read-only.
	 * @return one line per holder; empty when nobody migrates
	 */
	public List<String> lockHolders() {
		return this.database.lockHolders();
	}

	/**
	 * Writes {@code {version}_{name}.up.sql} and {@code .down.sql} with the next version,
	 * following the style of the folder (zero-padded numbers or timestamps). Never
	 * overwrites a file. Does not connect.
	 * @param name the migration name, such as {@code add_user_bio}
	 * @return the new files
	 */
	public GeneratedMigration generate(String name) {
		if (this.migrationsDirectory == null) {
			throw new ConfitureException(Category.CONFIG, "No migrations directory is configured",
					"Set migrations_dir in the environment, or run from the project directory");
		}
		String normalized = MigrationGenerator.normalizeName(name);
		MigrationSet set = this.discovery.discover();
		MigrationGenerator generator = new MigrationGenerator(this.clock);
		String version = generator.nextVersion(set.all().stream().map(ResolvedMigration::version).toList());
		return generator.write(this.migrationsDirectory, version, normalized);
	}

	/**
	 * Records every migration up to a version as applied without running it, for a
	 * database whose schema already contains them. If no migration has that version, a
	 * baseline marker row records it.
	 * @param version the newest version the database already contains
	 * @return the migrations recorded
	 */
	public List<MigrationInfo> baseline(String version) {
		return migrateBaseline().upTo(version);
	}

	/**
	 * Records migrations that another tool applied as applied, keeping their time and
	 * user, in one transaction under the migration lock, creating the tracking table if
	 * needed. Versions already recorded are left as they are, so recording twice changes
	 * nothing.
	 * @param migrations the migrations
	 * @return the versions recorded now
	 */
	public List<String> recordImported(List<ImportedMigration> migrations) {
		return migrateBaseline().imported(migrations);
	}

	/**
	 * Confiture's checksum of a migration's up file: the SHA-256 of its normalised text.
	 * @param upFileText the text of the up file
	 * @return 64 hex characters
	 */
	public static String checksum(String upFileText) {
		return Checksums.sha256(upFileText);
	}

	/**
	 * Takes this tracking table's migration lock for the rest of the caller's
	 * transaction, waiting at most the configured lock wait. A build takes it first so
	 * that two instances starting on one empty database never build at the same time, and
	 * a migration never runs during a build.
	 * @param connection a connection inside a transaction
	 * @throws ConfitureException with {@link Category#LOCK} naming the holder on timeout
	 */
	public void lockTransaction(Connection connection) {
		this.database.lockTransaction(connection);
	}

	/**
	 * Takes the migration lock like {@link #lockTransaction(Connection)}, then runs a
	 * query, in one round trip when the tracking table is schema-qualified.
	 * @param connection a connection inside a transaction
	 * @param query the query to run once the lock is held
	 * @return the first column of the query's first row, or {@code null} without a row
	 * @throws ConfitureException with {@link Category#LOCK} naming the holder on timeout
	 */
	public Object lockTransaction(Connection connection, String query) {
		return this.database.lockTransaction(connection, query);
	}

	/**
	 * Finds the migrations now, without connecting, to record them later like
	 * {@link #baselineAll(Connection)} in as few round trips as possible.
	 * @return the migrations, ready to record
	 */
	public PreparedBaseline prepareBaselineAll() {
		return new PreparedBaseline(this.database, this.discovery.discover().all());
	}

	/**
	 * Records every migration found as applied, on the caller's connection and in its
	 * transaction, creating the tracking table if needed. Meant for a build: a freshly
	 * built schema already contains every migration. Does not commit.
	 * @param connection the connection the build ran on
	 * @return the migrations recorded
	 */
	public List<MigrationInfo> baselineAll(Connection connection) {
		return migrateBaseline().all(connection);
	}

	/**
	 * Proves that the schema just built on the caller's connection contains every
	 * migration found: runs each one there and rolls it back, in the caller's
	 * transaction, which is left as it was. Meant for a build, before
	 * {@link #baselineAll(Connection)}.
	 * @param connection the connection the build ran on, inside its transaction
	 * @return what was found
	 */
	public BaselineProof proveBaseline(Connection connection) {
		return migrateBaseline().prove(connection);
	}

	private MigrateUp migrateUp() {
		return new MigrateUp(this.database, this.discovery, this.checksumPolicy, this.listener, this.timeouts);
	}

	private MigrateDown migrateDown() {
		return new MigrateDown(this.database, this.discovery, this.checksumPolicy, this.listener, this.timeouts);
	}

	private MigrateBaseline migrateBaseline() {
		return new MigrateBaseline(this.database, this.discovery);
	}

	private static ClassLoader defaultClassLoader() {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		return (loader != null) ? loader : Migrator.class.getClassLoader();
	}

	/**
	 * Configures a {@link Migrator}.
	 */
	public static final class Builder {

		private ConnectionSource connections;

		private String databaseDescription;

		private Path migrationsDirectory;

		private Path displayBase;

		private List<SqlLocation> migrationLocations;

		private final List<String> javaPackages = new ArrayList<>();

		private ClassLoader classLoader;

		private final List<JavaMigration> javaMigrations = new ArrayList<>();

		private String trackingTable = TrackingTable.DEFAULT_NAME;

		private Duration lockWait = DEFAULT_LOCK_WAIT;

		private ChecksumPolicy checksumPolicy = ChecksumPolicy.FAIL;

		private MigrationListener listener = MigrationListener.NONE;

		private Clock clock = Clock.systemUTC();

		private MigrationTimeouts timeouts = MigrationTimeouts.defaults();

		private Builder() {
		}

		/**
		 * The lock and statement timeouts of every migration and the retries after a lock
		 * timeout; {@link MigrationTimeouts#defaults()} unless set.
		 * @param timeouts the timeouts
		 * @return this builder
		 */
		public Builder timeouts(MigrationTimeouts timeouts) {
			this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
			return this;
		}

		/**
		 * The database to migrate.
		 * @param settings connection settings
		 * @return this builder
		 */
		public Builder database(ConnectionSettings settings) {
			Objects.requireNonNull(settings, "settings");
			this.connections = settings::connect;
			this.databaseDescription = settings.toString();
			return this;
		}

		/**
		 * The database to migrate, through a data source. Two connections are used at a
		 * time (one holds the lock).
		 * @param dataSource the data source
		 * @return this builder
		 */
		public Builder dataSource(DataSource dataSource) {
			Objects.requireNonNull(dataSource, "dataSource");
			this.connections = dataSource::getConnection;
			this.databaseDescription = "the configured data source";
			return this;
		}

		/**
		 * The directory of {@code .up.sql}/{@code .down.sql} files (not searched
		 * recursively).
		 * @param directory the directory; a missing one holds no migration
		 * @return this builder
		 */
		public Builder migrationsDirectory(Path directory) {
			this.migrationsDirectory = directory;
			return this;
		}

		/**
		 * The directory that file paths in messages are relative to (the project
		 * directory); the working directory by default.
		 * @param directory the directory
		 * @return this builder
		 */
		public Builder displayBase(Path directory) {
			this.displayBase = directory;
			return this;
		}

		/**
		 * Where the {@code .up.sql}/{@code .down.sql} files are read from, instead of
		 * {@link #migrationsDirectory(Path) a directory}: e.g. Spring resources, read in
		 * place. Several locations are merged; a file name found in two of them is an
		 * error.
		 * @param locations the locations (their sub-directories are not read)
		 * @return this builder
		 */
		public Builder migrationLocations(List<? extends SqlLocation> locations) {
			this.migrationLocations = List.copyOf(locations);
			return this;
		}

		List<SqlLocation> migrationLocations() {
			if (this.migrationLocations != null) {
				return this.migrationLocations;
			}
			if (this.migrationsDirectory == null) {
				return List.of();
			}
			return List.of(FileSystemLocation.of(this.migrationsDirectory,
					(this.displayBase != null) ? this.displayBase : Path.of("")));
		}

		/**
		 * Packages searched on the classpath for {@link JavaMigration} classes with a
		 * public no-argument constructor (sub-packages are not searched).
		 * @param packages package names
		 * @return this builder
		 */
		public Builder javaMigrationPackages(String... packages) {
			this.javaPackages.addAll(List.of(packages));
			return this;
		}

		/**
		 * The class loader used to scan packages; the thread's context class loader by
		 * default.
		 * @param classLoader the class loader
		 * @return this builder
		 */
		public Builder classLoader(ClassLoader classLoader) {
			this.classLoader = classLoader;
			return this;
		}

		/**
		 * Java migrations given as instances, for example Spring beans.
		 * @param migrations the migrations
		 * @return this builder
		 */
		public Builder javaMigrations(Collection<? extends JavaMigration> migrations) {
			this.javaMigrations.addAll(migrations);
			return this;
		}

		/**
		 * Java migrations given as instances.
		 * @param migrations the migrations
		 * @return this builder
		 */
		public Builder javaMigrations(JavaMigration... migrations) {
			return javaMigrations(List.of(migrations));
		}

		/**
		 * The tracking table: a bare name found through {@code search_path}, or
		 * schema-qualified. Defaults to {@value TrackingTable#DEFAULT_NAME}.
		 * @param name the table name, or {@code null} for the default
		 * @return this builder
		 */
		public Builder trackingTable(String name) {
			this.trackingTable = (name != null) ? name : TrackingTable.DEFAULT_NAME;
			return this;
		}

		/**
		 * How long to wait for another runner's lock; 60 seconds by default, zero not to
		 * wait.
		 * @param lockWait the longest wait
		 * @return this builder
		 */
		public Builder lockWait(Duration lockWait) {
			this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
			if (lockWait.isNegative()) {
				throw new ConfitureException(Category.CONFIG, "The lock wait must not be negative, not " + lockWait,
						"Give a wait of zero (do not wait) or more");
			}
			return this;
		}

		/**
		 * What to do when an applied migration's file has changed;
		 * {@link ChecksumPolicy#FAIL} by default.
		 * @param policy the policy
		 * @return this builder
		 */
		public Builder checksumPolicy(ChecksumPolicy policy) {
			this.checksumPolicy = Objects.requireNonNull(policy, "policy");
			return this;
		}

		/**
		 * Receives progress.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(MigrationListener listener) {
			this.listener = (listener != null) ? listener : MigrationListener.NONE;
			return this;
		}

		Builder clock(Clock clock) {
			this.clock = clock;
			return this;
		}

		/**
		 * Creates the migrator.
		 * @return the migrator
		 */
		public Migrator build() {
			if (this.connections == null) {
				this.connections = () -> {
					throw new ConfitureException(Category.CONFIG, "No database is configured for migrations",
							Remedy.of(Remedy.Kind.CONFIGURE_DATABASE));
				};
				this.databaseDescription = "(no database)";
			}
			return new Migrator(this);
		}

	}

}
