package dev.confiture.spring.boot.autoconfigure;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.build.BuildOptions.ExistingObjects;
import dev.confiture.core.build.BuildResult;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.migrate.ExecutedMigration;
import dev.confiture.core.migrate.MigrationRun;
import dev.confiture.core.migrate.MigrationState;
import dev.confiture.core.migrate.MigrationStatus;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.migrate.StatusReport;
import dev.confiture.spring.boot.autoconfigure.ConfitureProperties.Mode;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState.Counts;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState.LastRun;

/**
 * {@link InitializingBean} that builds or migrates the database when the application starts,
 * before anything that depends on database initialization (JPA, jOOQ, JdbcClient...).
 *
 * @since 0.1.0
 */
public class ConfitureMigrationInitializer implements InitializingBean, Ordered {

	private static final Log logger = LogFactory.getLog(ConfitureMigrationInitializer.class);

	private final Confiture confiture;

	private final ConfitureMigrationStrategy strategy;

	private final Mode mode;

	private final ConfitureRunState state;

	private ConfitureDriftCheck driftCheck;

	private Migrator migrator;

	private ConfitureDatabaseSupport databaseSupport;

	private boolean proveBaseline = true;

	private int order = 0;

	/**
	 * Creates an initializer.
	 * @param confiture the Confiture instance
	 * @param strategy the strategy to use instead of the mode, or {@code null}
	 * @param mode what to do without a strategy
	 * @param state where to record what was done
	 */
	public ConfitureMigrationInitializer(Confiture confiture, ConfitureMigrationStrategy strategy, Mode mode,
			ConfitureRunState state) {
		Assert.notNull(confiture, "'confiture' must not be null");
		this.confiture = confiture;
		this.strategy = strategy;
		this.mode = (mode != null) ? mode : Mode.AUTO;
		this.state = state;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.strategy == null && this.mode == Mode.NONE) {
			this.state.recordRun(new LastRun("none", Instant.now(), Duration.ZERO, List.of(), null));
			return;
		}
		if (this.databaseSupport != null && !this.databaseSupport.supported()) {
			this.state.recordRun(new LastRun("skipped", Instant.now(), Duration.ZERO, List.of(), null));
			return;
		}
		Instant startedAt = Instant.now();
		long started = System.nanoTime();
		String action = (this.strategy != null) ? "strategy" : this.mode.name().toLowerCase(java.util.Locale.ROOT);
		this.migrator = this.confiture.migrator().build();
		try {
			checkPostgres();
			Outcome outcome = run();
			checkDrift();
			action = outcome.action();
			Duration duration = (outcome.duration() != null) ? outcome.duration()
					: Duration.ofNanos(System.nanoTime() - started);
			this.state.recordRun(new LastRun(action, startedAt, duration, outcome.versions(), null));
			logger.info("Confiture: " + outcome.summary() + " in " + duration.toMillis() + " ms");
		}
		catch (RuntimeException ex) {
			this.state.recordRun(new LastRun(action, startedAt, Duration.ofNanos(System.nanoTime() - started), List.of(),
					ConnectionSettings.sanitize(ex.getMessage())));
			throw ex;
		}
		finally {
			refreshCounts();
		}
	}

	private Outcome run() {
		if (this.strategy != null) {
			this.strategy.migrate(this.confiture);
			return new Outcome("strategy", List.of(), "ran the configured ConfitureMigrationStrategy", null);
		}
		return switch (this.mode) {
			case AUTO -> auto();
			case BUILD -> build(this.confiture.build(buildOptions()));
			case MIGRATE -> migrate();
			case VALIDATE -> validate();
			case NONE -> new Outcome("none", List.of(), "nothing to do", null);
		};
	}

	private boolean hasSchemaFiles() {
		try {
			return !this.confiture.sources().schemaFiles().isEmpty();
		}
		catch (ConfitureException ex) {
			return false;
		}
	}

	/**
	 * Builds an empty database, else migrates. A database that already holds objects (the usual
	 * restart) goes straight to migrate, without reading the schema files. The build takes the
	 * migration lock before it looks at the database again, so of two instances starting at once
	 * on an empty database one builds and the other, once the build has committed, finds it
	 * built and migrates.
	 */
	private Outcome auto() {
		if (!this.confiture.existingObjects().isEmpty() || !hasSchemaFiles()) {
			return migrate();
		}
		BuildResult result = this.confiture.build(buildOptions().withExisting(ExistingObjects.SKIP));
		return result.skipped() ? migrate() : build(result);
	}

	private BuildOptions buildOptions() {
		return BuildOptions.defaults().withBaselineProof(this.proveBaseline);
	}

	private Outcome build(BuildResult result) {
		int baselined = result.baselinedMigrations().size();
		return new Outcome("build", result.baselinedMigrations(), "built the schema from "
				+ Plurals.count(result.schemaFiles().size(), "file") + " and "
				+ Plurals.count(result.seedFiles().size(), "seed file") + " ("
				+ Plurals.count(result.statementCount(), "statement") + ", schema hash "
				+ result.schemaHash().substring(0, 12) + ")"
				+ ((baselined == 0) ? ""
						: ", marked " + Plurals.count(baselined, "migration") + " as applied ("
								+ (result.baselineProof().ran() ? "proven contained in the schema files"
										: "not proven: confiture.prove-baseline=false")
								+ ")"),
				result.duration());
	}

	private Outcome migrate() {
		MigrationRun run = this.migrator.up();
		List<String> versions = run.migrations().stream().map((executed) -> executed.migration().version()).toList();
		String summary = versions.isEmpty() ? "database up to date, no migration to apply"
				: "applied " + Plurals.count(versions.size(), "migration") + ": " + run.migrations()
					.stream()
					.map(ExecutedMigration::migration)
					.map((migration) -> migration.displayName())
					.collect(Collectors.joining(", "));
		return new Outcome("migrate", versions, summary, null);
	}

	private Outcome validate() {
		StatusReport report = this.migrator.status();
		if (!report.initialized()) {
			throw new ConfitureException(Category.NOT_INITIALIZED,
					"confiture.mode=validate, but the database has no tracking table " + report.trackingTable(),
					"Build or migrate the database first (confiture build, confiture migrate up, or start once with "
							+ "confiture.mode=auto)");
		}
		List<MigrationStatus> changed = report.migrations()
			.stream()
			.filter((migration) -> migration.state() == MigrationState.CHECKSUM_MISMATCH)
			.toList();
		if (!changed.isEmpty()) {
			throw new ConfitureException(Category.GENERIC,
					"confiture.mode=validate: applied migration(s) changed since they were applied: " + names(changed),
					"Restore the applied files and put the change in a new migration");
		}
		List<MigrationStatus> pending = report.migrations()
			.stream()
			.filter((migration) -> migration.state() == MigrationState.PENDING)
			.toList();
		if (!pending.isEmpty()) {
			throw new ConfitureException(Category.GENERIC,
					"confiture.mode=validate: " + pending.size() + " pending migration(s): " + names(pending),
					"Apply them (confiture migrate up, or confiture.mode=migrate) before starting in validate mode");
		}
		return new Outcome("validate", List.of(), "validated the database: "
				+ Plurals.count(report.appliedCount(), "migration") + " applied, none pending", null);
	}

	private void checkDrift() {
		if (this.driftCheck == null || (this.strategy == null && this.mode == Mode.NONE)) {
			return;
		}
		List<String> differences = this.driftCheck.check().differences();
		this.state.recordDrift(differences);
		if (!differences.isEmpty() && this.strategy == null && this.mode == Mode.VALIDATE) {
			throw new ConfitureException(Category.GENERIC,
					"confiture.mode=validate: the database differs from a fresh build of the schema files: "
							+ String.join("; ", differences),
					"Add a migration that makes the database match db/schema, or change the schema files to match "
							+ "what the migrations do");
		}
		if (!differences.isEmpty()) {
			logger.warn("Confiture: the database differs from a fresh build of the schema files: "
					+ String.join("; ", differences));
		}
	}

	void setDriftCheck(ConfitureDriftCheck driftCheck) {
		this.driftCheck = driftCheck;
	}

	void setDatabaseSupport(ConfitureDatabaseSupport databaseSupport) {
		this.databaseSupport = databaseSupport;
	}

	/**
	 * Sets whether a build proves that the schema files contain every migration it marks as
	 * applied (on by default).
	 * @param proveBaseline whether to prove the baseline
	 */
	public void setProveBaseline(boolean proveBaseline) {
		this.proveBaseline = proveBaseline;
	}

	private void checkPostgres() {
		try (Connection connection = this.confiture.connectionSource().open()) {
			DatabaseMetaData metaData = connection.getMetaData();
			if (!"PostgreSQL".equalsIgnoreCase(metaData.getDatabaseProductName())) {
				throw new ConfitureException(Category.CONFIG,
						"Confiture manages PostgreSQL databases, but the database is " + metaData.getDatabaseProductName()
								+ " (" + ConnectionSettings.sanitize(metaData.getURL()) + ")",
						"Point spring.datasource.url (or confiture.url) at PostgreSQL with the org.postgresql:postgresql "
								+ "driver, or set confiture.enabled=false");
			}
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not connect to " + this.confiture.databaseDescription() + ": " + ex.getMessage(),
					"Check that PostgreSQL is running and that spring.datasource.* (or confiture.url) is right", ex);
		}
	}

	private void refreshCounts() {
		try {
			StatusReport report = this.migrator.status();
			this.state.recordCounts(new Counts(report.appliedCount(), report.pendingCount(),
					report.hasChecksumMismatch()));
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the migration status", ex);
		}
	}

	private static String names(List<MigrationStatus> migrations) {
		return migrations.stream()
			.map((migration) -> migration.version() + "_" + migration.name())
			.collect(Collectors.joining(", "));
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * Sets the order of this initializer.
	 * @param order the order
	 */
	public void setOrder(int order) {
		this.order = order;
	}

	private record Outcome(String action, List<String> versions, String summary, Duration duration) {

	}

}
