package dev.confiture.core.migrate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.build.BaselineProof;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Interruption;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.migrate.ExecutedMigration.Outcome;
import dev.confiture.core.resource.FileSystemLocation;
import dev.confiture.core.resource.SqlLocation;
import dev.confiture.core.resource.SqlResource;
import dev.confiture.core.sql.SqlExecutionException;
import dev.confiture.core.sql.TransactionControl;

/**
 * Applies, rolls back and reports versioned migrations: {@code {version}_{name}.up.sql}
 * files with an optional {@code .down.sql}, and {@link JavaMigration}s.
 * <p>
 * Migrations are checked (one version each, valid file names, no orphaned rollback) before
 * anything connects. Operations that change the database hold a session-level advisory lock
 * on a dedicated connection, so concurrent runners are serialised, and verify the checksums
 * of applied migrations before anything runs. Each migration commits together with its
 * tracking row; migrations that PostgreSQL cannot run in a transaction run in auto-commit
 * mode and are recorded only after they succeed.
 * <p>
 * A {@code Migrator} holds no connection between operations and may be used from several
 * threads.
 */
public final class Migrator {

	/** How long to wait for the migration lock unless configured otherwise. */
	public static final Duration DEFAULT_LOCK_WAIT = Duration.ofSeconds(60);

	/** The tracking table unless configured otherwise. */
	public static final String DEFAULT_TRACKING_TABLE = TrackingTable.DEFAULT_NAME;

	private final ConnectionSource connections;

	private final String databaseDescription;

	private final Path migrationsDirectory;

	private final List<SqlLocation> migrationLocations;

	private final List<String> javaPackages;

	private final ClassLoader classLoader;

	private final List<JavaMigration> javaMigrations;

	private final TrackingTable trackingTable;

	private final Duration lockWait;

	private final ChecksumPolicy checksumPolicy;

	private final MigrationListener listener;

	private final Clock clock;

	private final MigrationTimeouts timeouts;

	private volatile Discovery lastDiscovery;

	private Migrator(Builder builder) {
		this.connections = builder.connections;
		this.databaseDescription = builder.databaseDescription;
		this.migrationsDirectory = builder.migrationsDirectory;
		this.migrationLocations = builder.migrationLocations();
		this.javaPackages = List.copyOf(builder.javaPackages);
		this.classLoader = (builder.classLoader != null) ? builder.classLoader : defaultClassLoader();
		this.javaMigrations = List.copyOf(builder.javaMigrations);
		this.trackingTable = TrackingTable.parse(builder.trackingTable);
		this.lockWait = builder.lockWait;
		this.checksumPolicy = builder.checksumPolicy;
		this.listener = builder.listener;
		this.clock = builder.clock;
		this.timeouts = builder.timeouts;
	}

	private Migrator(Migrator source, ConnectionSource connections, String databaseDescription, String trackingTable,
			MigrationListener listener) {
		this.connections = connections;
		this.databaseDescription = databaseDescription;
		this.migrationsDirectory = source.migrationsDirectory;
		this.migrationLocations = source.migrationLocations;
		this.javaPackages = source.javaPackages;
		this.classLoader = source.classLoader;
		this.javaMigrations = source.javaMigrations;
		this.trackingTable = TrackingTable.parse(trackingTable);
		this.lockWait = source.lockWait;
		this.checksumPolicy = source.checksumPolicy;
		this.listener = (listener != null) ? listener : MigrationListener.NONE;
		this.clock = source.clock;
		this.timeouts = source.timeouts;
		this.lastDiscovery = source.lastDiscovery;
	}

	/**
	 * A migrator with the same migrations and settings for another database or schema (one
	 * tenant of a fleet). The migrations already found are reused, so many tenants cost one
	 * scan.
	 * @param dataSource opens connections to the other database
	 * @param description the other database for messages, without secrets
	 * @param trackingTable the other tracking table, possibly schema-qualified
	 * @param listener receives the progress of the other database
	 * @return a new migrator
	 */
	public Migrator withTarget(DataSource dataSource, String description, String trackingTable,
			MigrationListener listener) {
		if (this.lastDiscovery == null) {
			discover();
		}
		return new Migrator(this, dataSource::getConnection, description, trackingTable, listener);
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
		return discover().all().stream().map(ResolvedMigration::info).toList();
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
		return apply(target, steps, false);
	}

	/**
	 * Runs what {@link #up(String, Integer)} would run inside one transaction and rolls it
	 * all back. Migrations that cannot run in a transaction are listed as
	 * {@link Outcome#NOT_RUN}.
	 * @param target the highest version, or {@code null}
	 * @param steps how many migrations at most, or {@code null}
	 * @return what each migration did before the rollback
	 */
	public MigrationRun dryRunExecute(String target, Integer steps) {
		return apply(target, steps, true);
	}

	/**
	 * Computes what {@link #up(String, Integer)} would run, as SQL, without changing
	 * anything and without taking the lock.
	 * @param target the highest version, or {@code null}
	 * @param steps how many migrations at most, or {@code null}
	 * @return the plan
	 */
	public MigrationPlan dryRun(String target, Integer steps) {
		MigrationVersion targetVersion = parseVersion(target, "target");
		checkSteps(steps);
		MigrationSet set = discover();
		RunLog log = new RunLog(MigrationListener.NONE);
		try (Connection connection = open()) {
			TrackingTable.Resolved table = this.trackingTable.resolve(connection);
			List<AppliedMigration> rows = table.read(connection);
			verifyChecksums(set, rows, log);
			List<ResolvedMigration> pending = pending(set, rows, log);
			int major = serverMajorVersion(connection);
			List<MigrationWork> works = select(pending, targetVersion, steps).stream()
				.map((migration) -> MigrationWork.prepare(migration, Direction.UP, major))
				.toList();
			works.stream()
				.filter((work) -> work.script() != null)
				.flatMap((work) -> work.script().statements().stream()
					.filter(TransactionControl::isTransactionControl)
					.map((statement) -> work.location() + ":" + statement.line() + ": " + statement.leadingKeywords(2)
							+ " will be skipped; Confiture runs each migration in its own transaction"))
				.forEach(log::warn);
			List<PlannedMigration> planned = works.stream()
				.map((work) -> new PlannedMigration(work.info(), work.transactional(), work.nonTransactionalReason(),
						work.planStatements()))
				.toList();
			return new MigrationPlan(table.displayName(), planned, log.warnings(), PlanRenderer.render(table, works));
		}
		catch (SQLException ex) {
			throw databaseFailure(ex);
		}
	}

	/**
	 * Rolls back the newest applied migrations, newest version first. Refused before
	 * anything changes if one of them has no down.
	 * @param steps how many migrations to roll back, at least 1
	 * @return what was rolled back
	 */
	public MigrationRun down(int steps) {
		if (steps < 1) {
			throw new ConfitureException(Category.CONFIG, "--steps must be at least 1, not " + steps,
					"Pass the number of migrations to roll back");
		}
		return rollback((rows) -> rows.subList(Math.max(0, rows.size() - steps), rows.size()), null);
	}

	/**
	 * Rolls back every applied migration newer than a version, newest first, so that the
	 * version becomes the newest applied one ({@code 0} rolls back everything). Refused
	 * before anything changes if one of them has no down.
	 * @param version an applied version, or {@code 0}
	 * @return what was rolled back
	 */
	public MigrationRun downTo(String version) {
		MigrationVersion target = parseVersion(version, "version");
		if (target == null) {
			throw new ConfitureException(Category.CONFIG, "down-to needs a version", "Pass an applied version");
		}
		boolean all = target.value().signum() == 0;
		return rollback((rows) -> rows.stream()
			.filter((row) -> all || row.version().compareTo(target) > 0)
			.toList(), target);
	}

	/**
	 * Reports every migration, applied or not. Read-only: does not create the tracking
	 * table and does not take the lock.
	 * @return the report
	 */
	public StatusReport status() {
		MigrationSet set = discover();
		try (Connection connection = open()) {
			TrackingTable.Resolved table = this.trackingTable.resolve(connection);
			List<AppliedMigration> rows = table.read(connection);
			return StatusReports.of(table, set, rows, IndexValidity.invalid(connection));
		}
		catch (SQLException ex) {
			throw databaseFailure(ex);
		}
	}

	/**
	 * Describes the sessions that hold the migration lock of this tracking table right now
	 * (pid, application name, client, user, since when). Read-only.
	 * @return one line per holder; empty when nobody migrates
	 */
	public List<String> lockHolders() {
		try (Connection connection = open()) {
			return MigrationLock.holders(connection, this.trackingTable.resolve(connection).lockKey());
		}
		catch (SQLException ex) {
			throw databaseFailure(ex);
		}
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
		MigrationSet set = discover();
		MigrationGenerator generator = new MigrationGenerator(this.clock);
		String version = generator.nextVersion(set.all().stream().map(ResolvedMigration::version).toList());
		return generator.write(this.migrationsDirectory, version, normalized);
	}

	/**
	 * Records every migration up to a version as applied without running it, for a database
	 * whose schema already contains them. If no migration has that version, a baseline
	 * marker row records it.
	 * @param version the newest version the database already contains
	 * @return the migrations recorded
	 */
	public List<MigrationInfo> baseline(String version) {
		MigrationVersion target = parseVersion(version, "version");
		if (target == null) {
			throw new ConfitureException(Category.CONFIG, "baseline needs a version",
					"Pass the newest version the database already contains");
		}
		MigrationSet set = discover();
		return locked((session) -> {
			Connection connection = session.connection();
			TrackingTable.Resolved table = session.table().exists() ? session.table() : session.table().create(connection);
			connection.setAutoCommit(false);
			try {
				List<MigrationInfo> recorded = recordBaseline(connection, table, set.all().stream()
					.filter((migration) -> migration.version().compareTo(target) <= 0)
					.toList());
				if (set.get(target) == null && !appliedVersions(table.read(connection)).contains(target)) {
					table.insert(connection, target, "baseline", MigrationKind.BASELINE, null, 0);
					recorded.add(new MigrationInfo(target.text(), "baseline", MigrationKind.BASELINE, null, null, false));
				}
				connection.commit();
				return recorded;
			}
			finally {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
			}
		});
	}

	/**
	 * Records migrations that another tool applied as applied, keeping their time and user,
	 * in one transaction under the migration lock, creating the tracking table if needed.
	 * Versions already recorded are left as they are, so recording twice changes nothing.
	 * @param migrations the migrations
	 * @return the versions recorded now
	 */
	public List<String> recordImported(List<ImportedMigration> migrations) {
		for (ImportedMigration migration : migrations) {
			if (!MigrationVersion.isValid(migration.version())) {
				throw new ConfitureException(Category.CONFIG, "Invalid version '" + migration.version() + "'",
						"Versions are digits only");
			}
		}
		return locked((session) -> {
			Connection connection = session.connection();
			connection.setAutoCommit(false);
			try {
				TrackingTable.Resolved table = session.table().exists() ? session.table()
						: session.table().create(connection);
				Set<MigrationVersion> applied = appliedVersions(table.read(connection));
				List<String> recorded = new ArrayList<>();
				try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + table.sqlName()
						+ " (version, name, kind, checksum, applied_by, applied_at, execution_ms) VALUES (?, ?, ?, ?, "
						+ "coalesce(?, current_user), coalesce(?, clock_timestamp()), ?)")) {
					for (ImportedMigration migration : migrations) {
						if (!applied.add(MigrationVersion.parse(migration.version()))) {
							continue;
						}
						statement.setString(1, migration.version());
						statement.setString(2, migration.name());
						statement.setString(3, (migration.baseline() ? MigrationKind.BASELINE : MigrationKind.SQL).id());
						statement.setString(4, migration.checksum());
						statement.setString(5, migration.appliedBy());
						statement.setObject(6, migration.appliedAt());
						statement.setLong(7, migration.executionMs());
						statement.addBatch();
						recorded.add(migration.version());
					}
					statement.executeBatch();
				}
				connection.commit();
				return recorded;
			}
			finally {
				if (!connection.getAutoCommit()) {
					connection.rollback();
				}
			}
		});
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
	 * Takes this tracking table's migration lock for the rest of the caller's transaction,
	 * waiting at most the configured lock wait. {@code confiture build} takes it first so that
	 * two instances starting on one empty database never build at the same time, and a
	 * migration never runs during a build.
	 * @param connection a connection inside a transaction
	 * @throws ConfitureException with {@link Category#LOCK} naming the holder on timeout
	 */
	public void lockTransaction(Connection connection) {
		try {
			TrackingTable.Resolved table = this.trackingTable.resolve(connection);
			MigrationLock.acquireForTransaction(connection, table.lockKey(), this.lockWait, table.displayName());
		}
		catch (SQLException ex) {
			throw databaseFailure(ex);
		}
	}

	/**
	 * Records every migration found as applied, on the caller's connection and in its
	 * transaction, creating the tracking table if needed. Meant for {@code confiture build}:
	 * a freshly built schema already contains every migration. Does not commit.
	 * @param connection the connection the build ran on
	 * @return the migrations recorded
	 */
	public List<MigrationInfo> baselineAll(Connection connection) {
		MigrationSet set = discover();
		try {
			TrackingTable.Resolved table = this.trackingTable.resolve(connection);
			if (!connection.getAutoCommit()) {
				try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
					statement.setLong(1, table.lockKey());
					statement.execute();
				}
				table = this.trackingTable.resolve(connection);
			}
			if (!table.exists()) {
				table = table.create(connection);
			}
			return recordBaseline(connection, table, set.all());
		}
		catch (SQLException ex) {
			throw databaseFailure(ex);
		}
	}

	/**
	 * Proves that the schema just built on the caller's connection contains every migration
	 * found: runs each one there and rolls it back, in the caller's transaction, which is left
	 * as it was. Meant for {@code confiture build}, before {@link #baselineAll(Connection)}.
	 * @param connection the connection the build ran on, inside its transaction
	 * @return what was found
	 */
	public BaselineProof proveBaseline(Connection connection) {
		MigrationSet set = discover();
		try {
			return new BaselineProver(connection, this.trackingTable.toString(), serverMajorVersion(connection))
				.prove(set.all());
		}
		catch (SQLException ex) {
			throw databaseFailure(ex);
		}
	}

	private List<MigrationInfo> recordBaseline(Connection connection, TrackingTable.Resolved table,
			List<ResolvedMigration> migrations) throws SQLException {
		Set<MigrationVersion> applied = appliedVersions(table.read(connection));
		List<ResolvedMigration> missing = migrations.stream()
			.filter((migration) -> !applied.contains(migration.version()))
			.toList();
		table.insertBaselines(connection, missing);
		List<MigrationInfo> recorded = new ArrayList<>();
		missing.forEach((migration) -> recorded.add(migration.info()));
		return recorded;
	}

	private MigrationRun apply(String target, Integer steps, boolean dryRun) {
		long start = System.nanoTime();
		MigrationVersion targetVersion = parseVersion(target, "target");
		checkSteps(steps);
		MigrationSet set = discover();
		RunLog log = new RunLog(this.listener);
		if (!dryRun) {
			MigrationRun upToDate = upToDate(set, targetVersion, steps, log, start);
			if (upToDate != null) {
				return upToDate;
			}
		}
		return locked((session) -> {
			Connection connection = session.connection();
			TrackingTable.Resolved table = session.table();
			if (dryRun) {
				connection.setAutoCommit(false);
			}
			try {
				if (!table.exists()) {
					table = table.create(connection);
				}
				List<AppliedMigration> rows = table.read(connection);
				verifyChecksums(set, rows, log);
				warnMissing(set, rows, log);
				List<ResolvedMigration> pending = pending(set, rows, log);
				List<MigrationWork> works = select(pending, targetVersion, steps).stream()
					.map((migration) -> MigrationWork.prepare(migration, Direction.UP, session.serverMajorVersion()))
					.toList();
				works.forEach(LockTimeoutRetry.checker(this.timeouts));
				log.listener().planned(Direction.UP, works.stream().map(MigrationWork::info).toList(), pending.size());
				MigrationExecutor executor = new MigrationExecutor(connection, table, session.lock(), log, this.timeouts);
				List<ExecutedMigration> executed = new ArrayList<>();
				for (MigrationWork work : works) {
					if (!dryRun) {
						executed.add(executor.execute(work, null));
					}
					else if (work.transactional()) {
						executed.add(executor.executeUncommitted(work));
					}
					else {
						log.warn(work.info().displayName() + " was not run by the dry run: it cannot run in a transaction ("
								+ work.nonTransactionalReason() + "); migrations after it may depend on it");
						ExecutedMigration notRun = new ExecutedMigration(work.info(), Direction.UP, Outcome.NOT_RUN, 0, 0,
								0);
						log.listener().completed(notRun);
						executed.add(notRun);
					}
				}
				return new MigrationRun(Direction.UP, dryRun, pending.size(), executed, log.warnings(), elapsed(start));
			}
			finally {
				if (dryRun && !connection.isClosed()) {
					connection.rollback();
				}
			}
		});
	}

	/**
	 * The usual case at application startup, checked on one connection without the lock: the
	 * tracking table exists and nothing is pending (up to the target). Checksums are verified
	 * as under the lock. Returns {@code null} when there is something to do, and the caller
	 * takes the lock and looks again.
	 */
	private MigrationRun upToDate(MigrationSet set, MigrationVersion target, Integer steps, RunLog log, long start) {
		try (Connection connection = open()) {
			TrackingTable.Resolved table = this.trackingTable.resolve(connection);
			if (!table.exists()) {
				return null;
			}
			List<AppliedMigration> rows = table.read(connection);
			RunLog check = new RunLog(MigrationListener.NONE);
			verifyChecksums(set, rows, check);
			List<ResolvedMigration> pending = pending(set, rows, check);
			if (!select(pending, target, steps).isEmpty()) {
				return null;
			}
			verifyChecksums(set, rows, log);
			warnMissing(set, rows, log);
			pending(set, rows, log);
			log.listener().planned(Direction.UP, List.of(), pending.size());
			return new MigrationRun(Direction.UP, false, pending.size(), List.of(), log.warnings(), elapsed(start));
		}
		catch (SQLException ex) {
			throw databaseFailure(ex);
		}
	}

	private MigrationRun rollback(Function<List<AppliedMigration>, List<AppliedMigration>> chooser,
			MigrationVersion downTo) {
		long start = System.nanoTime();
		MigrationSet set = discover();
		RunLog log = new RunLog(this.listener);
		return locked((session) -> {
			Connection connection = session.connection();
			TrackingTable.Resolved table = session.table();
			if (!table.exists()) {
				throw notInitialized(table);
			}
			List<AppliedMigration> rows = table.read(connection);
			if (downTo != null && downTo.value().signum() != 0
					&& rows.stream().noneMatch((row) -> row.version().equals(downTo))) {
				throw (set.get(downTo) != null)
						? new ConfitureException(Category.CONFIG, "Version " + downTo + " is not applied",
								"Use confiture migrate up --target " + downTo + " to apply up to it")
						: new ConfitureException(Category.CONFIG, "Unknown version " + downTo,
								"Pass an applied version (see confiture migrate status), or 0 to roll back everything");
			}
			verifyChecksums(set, rows, log);
			List<AppliedMigration> selected = new ArrayList<>(chooser.apply(rows));
			selected.sort(Comparator.comparing(AppliedMigration::version).reversed());
			checkReversible(set, selected);
			List<MigrationWork> works = selected.stream()
				.map((row) -> MigrationWork.prepare(set.get(row.version()), Direction.DOWN,
						session.serverMajorVersion()))
				.toList();
			if (works.isEmpty()) {
				log.warn("Nothing to roll back");
			}
			log.listener().planned(Direction.DOWN, works.stream().map(MigrationWork::info).toList(), rows.size());
			MigrationExecutor executor = new MigrationExecutor(connection, table, session.lock(), log, this.timeouts);
			List<ExecutedMigration> executed = new ArrayList<>();
			for (int i = 0; i < works.size(); i++) {
				executed.add(executor.execute(works.get(i), selected.get(i)));
			}
			return new MigrationRun(Direction.DOWN, false, works.size(), executed, log.warnings(), elapsed(start));
		});
	}

	private static void checkReversible(MigrationSet set, List<AppliedMigration> selected) {
		List<String> reasons = new ArrayList<>();
		for (AppliedMigration row : selected) {
			ResolvedMigration migration = set.get(row.version());
			if (migration == null) {
				reasons.add(row.displayName() + ((row.kind() == MigrationKind.BASELINE && row.checksum() == null)
						? " is a baseline marker" : " has no file any more"));
			}
			else if (!migration.info().reversible()) {
				reasons.add((migration instanceof SqlFileMigration sql)
						? migration.displayName() + " has no down: " + sql.info().location() + " has no "
								+ migration.displayName() + ".down.sql next to it"
						: migration.displayName() + " has no down: " + migration.info().location()
								+ " does not override down(Context)");
			}
		}
		if (!reasons.isEmpty()) {
			throw new ConfitureException(Category.IRREVERSIBLE,
					"Cannot roll back " + reasons.size() + " of the " + selected.size() + " migration(s): "
							+ ConfitureException.summarize(reasons, "; ") + ". Nothing was rolled back.",
					"Write the missing down (a .down.sql file or a Java down method), or fix forward with a new "
							+ "migration (confiture migrate generate NAME)")
				.withDetails(reasons);
		}
	}

	private void verifyChecksums(MigrationSet set, List<AppliedMigration> rows, RunLog log) {
		if (this.checksumPolicy == ChecksumPolicy.IGNORE) {
			return;
		}
		List<String> mismatches = new ArrayList<>();
		for (AppliedMigration row : rows) {
			ResolvedMigration migration = set.get(row.version());
			String current = (migration != null) ? migration.info().checksum() : null;
			if (current != null && row.checksum() != null && !current.equals(row.checksum())) {
				mismatches.add("migration " + migration.displayName() + " (" + migration.info().location()
						+ ") has changed since it was applied: applied checksum " + row.checksum()
						+ ", file checksum " + current);
			}
		}
		if (mismatches.isEmpty()) {
			return;
		}
		if (this.checksumPolicy == ChecksumPolicy.WARN) {
			mismatches.forEach((mismatch) -> log.warn(Character.toUpperCase(mismatch.charAt(0)) + mismatch.substring(1)));
			return;
		}
		throw new ConfitureException(Category.SCHEMA, "Checksum mismatch: " + String.join("; ", mismatches)
				+ ". Nothing was run.",
				"Do not edit applied migrations: restore the file as it was applied (e.g. with git) and put the change "
						+ "in a new migration (confiture migrate generate NAME). To go on anyway, use "
						+ "--on-checksum-mismatch=warn or ignore.");
	}

	private static void warnMissing(MigrationSet set, List<AppliedMigration> rows, RunLog log) {
		List<String> missing = new ArrayList<>();
		for (AppliedMigration row : rows) {
			if (set.get(row.version()) == null && !(row.kind() == MigrationKind.BASELINE && row.checksum() == null)) {
				missing.add(row.displayName());
			}
		}
		if (missing.size() == 1) {
			log.warn("Applied migration " + missing.get(0) + " is no longer found on disk or on the classpath");
		}
		else if (!missing.isEmpty()) {
			log.warn(missing.size() + " applied migrations are no longer found on disk or on the classpath: "
					+ ConfitureException.summarize(missing, ", "));
		}
	}

	private static List<ResolvedMigration> pending(MigrationSet set, List<AppliedMigration> rows, RunLog log) {
		Set<MigrationVersion> applied = appliedVersions(rows);
		MigrationVersion newest = rows.isEmpty() ? null : rows.get(rows.size() - 1).version();
		List<ResolvedMigration> pending = new ArrayList<>();
		List<String> outOfOrder = new ArrayList<>();
		for (ResolvedMigration migration : set.all()) {
			if (!applied.contains(migration.version())) {
				if (newest != null && migration.version().compareTo(newest) < 0) {
					outOfOrder.add(migration.displayName());
				}
				pending.add(migration);
			}
		}
		if (!outOfOrder.isEmpty()) {
			log.warn(ConfitureException.summarize(outOfOrder, ", ") + ((outOfOrder.size() > 1) ? " are" : " is")
					+ " older than the newest applied migration (" + newest + "); applied out of order");
		}
		return pending;
	}

	private static List<ResolvedMigration> select(List<ResolvedMigration> pending, MigrationVersion target,
			Integer steps) {
		return pending.stream()
			.filter((migration) -> target == null || migration.version().compareTo(target) <= 0)
			.limit((steps != null) ? steps : Long.MAX_VALUE)
			.toList();
	}

	private static Set<MigrationVersion> appliedVersions(List<AppliedMigration> rows) {
		return rows.stream().map(AppliedMigration::version).collect(Collectors.toCollection(LinkedHashSet::new));
	}

	private <T> T locked(LockedWork<T> work) {
		try (Connection lockConnection = open()) {
			TrackingTable.Resolved table = this.trackingTable.resolve(lockConnection);
			try (MigrationLock lock = MigrationLock.acquire(lockConnection, table.lockKey(), this.lockWait,
					table.displayName()); Connection connection = open();
					Interruption.Tracked tracked = Interruption.track(connection,
							"migrations of " + this.databaseDescription)) {
				return work.run(new Session(connection, this.trackingTable.resolve(connection), lock,
						serverMajorVersion(connection)));
			}
		}
		catch (SQLException ex) {
			throw databaseFailure(ex);
		}
	}

	/**
	 * The migrations of the migration locations and the Java migrations. The last result is
	 * reused while the locations list the same files with the same stamps (sizes and
	 * modification times), so
	 * that a run followed by a status (as at application startup) reads and hashes the files
	 * once.
	 */
	private MigrationSet discover() {
		List<SqlResource> files = MigrationFileScanner.list(this.migrationLocations);
		String fingerprint = fingerprint(files);
		Discovery last = this.lastDiscovery;
		if (last != null && last.fingerprint().equals(fingerprint)) {
			return last.set();
		}
		MigrationSet set = scan(files);
		this.lastDiscovery = new Discovery(fingerprint, set);
		return set;
	}

	private static String fingerprint(List<SqlResource> files) {
		StringBuilder fingerprint = new StringBuilder();
		for (SqlResource file : files) {
			fingerprint.append(file.displayPath()).append(':').append(file.stamp()).append('\n');
		}
		return fingerprint.toString();
	}

	private MigrationSet scan(List<SqlResource> sqlFiles) {
		List<String> problems = new ArrayList<>();
		List<SqlFileMigration> files = MigrationFileScanner.scan(sqlFiles, problems);
		List<JavaMigration> java = new ArrayList<>(this.javaMigrations);
		for (String javaPackage : this.javaPackages) {
			java.addAll(JavaMigrationScanner.scan(javaPackage, this.classLoader, problems));
		}
		return MigrationSet.of(files, java, problems);
	}

	private Connection open() {
		try {
			return this.connections.open();
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not connect to " + this.databaseDescription + ": " + ex.getMessage(),
					"Check the database settings (--env, --config or --database-url) and that PostgreSQL is running",
					ex);
		}
	}

	private ConfitureException databaseFailure(SQLException ex) {
		return new ConfitureException(Category.DATABASE, "Database error on " + this.databaseDescription + ": "
				+ this.trackingTable.configured() + ": " + SqlExecutionException.describe(ex),
				isConnectionLost(ex) ? "The connection was lost; check the server and run the command again"
						: "Check that the user may read and write the tracking table " + this.trackingTable.configured(),
				ex);
	}

	/** Whether the failure means the session has gone (terminated, network lost). */
	private static boolean isConnectionLost(SQLException ex) {
		String state = ex.getSQLState();
		return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
				|| state.equals("57P03"));
	}

	private static ConfitureException notInitialized(TrackingTable.Resolved table) {
		return new ConfitureException(Category.NOT_INITIALIZED,
				"Migrations are not initialised in this database: tracking table " + table.displayName()
						+ " does not exist",
				"Run confiture migrate up (or confiture build) first");
	}

	private static int serverMajorVersion(Connection connection) throws SQLException {
		return connection.getMetaData().getDatabaseMajorVersion();
	}

	private static MigrationVersion parseVersion(String text, String what) {
		if (text == null || text.isBlank()) {
			return null;
		}
		MigrationVersion version = MigrationVersion.parse(text.trim());
		if (version == null) {
			throw new ConfitureException(Category.CONFIG, "Invalid " + what + " '" + text + "'",
					"Versions are digits only, such as 003 or 20250112093000");
		}
		return version;
	}

	private static void checkSteps(Integer steps) {
		if (steps != null && steps < 1) {
			throw new ConfitureException(Category.CONFIG, "--steps must be at least 1, not " + steps,
					"Pass the number of migrations to apply");
		}
	}

	private static long elapsed(long start) {
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static ClassLoader defaultClassLoader() {
		ClassLoader loader = Thread.currentThread().getContextClassLoader();
		return (loader != null) ? loader : Migrator.class.getClassLoader();
	}

	/**
	 * Opens connections to the target database.
	 */
	@FunctionalInterface
	interface ConnectionSource {

		Connection open() throws SQLException;

	}

	private record Session(Connection connection, TrackingTable.Resolved table, MigrationLock lock,
			int serverMajorVersion) {
	}

	@FunctionalInterface
	private interface LockedWork<T> {

		T run(Session session) throws SQLException;

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
		 * The database to migrate, through a data source. Two connections are used at a time
		 * (one holds the lock).
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
		 * The directory of {@code .up.sql}/{@code .down.sql} files (not searched recursively).
		 * @param directory the directory; a missing one holds no migration
		 * @return this builder
		 */
		public Builder migrationsDirectory(Path directory) {
			this.migrationsDirectory = directory;
			return this;
		}

		/**
		 * The directory that file paths in messages are relative to (the project directory);
		 * the working directory by default.
		 * @param directory the directory
		 * @return this builder
		 */
		public Builder displayBase(Path directory) {
			this.displayBase = directory;
			return this;
		}

		/**
		 * Where the {@code .up.sql}/{@code .down.sql} files are read from, instead of
		 * {@link #migrationsDirectory(Path) a directory}: e.g. Spring resources, read in place.
		 * Several locations are merged; a file name found in two of them is an error.
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
		 * Packages searched on the classpath for {@link JavaMigration} classes with a public
		 * no-argument constructor (sub-packages are not searched).
		 * @param packages package names
		 * @return this builder
		 */
		public Builder javaMigrationPackages(String... packages) {
			this.javaPackages.addAll(List.of(packages));
			return this;
		}

		/**
		 * The class loader used to scan packages; the thread's context class loader by default.
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
		 * How long to wait for another runner's lock; 60 seconds by default, zero not to wait.
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
		 * What to do when an applied migration's file has changed; {@link ChecksumPolicy#FAIL}
		 * by default.
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
							"Pass --database-url, or add database_url or a database: block to the environment");
				};
				this.databaseDescription = "(no database)";
			}
			return new Migrator(this);
		}

	}

	private record Discovery(String fingerprint, MigrationSet set) {

	}

}
