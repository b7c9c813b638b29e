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

	private int order = 0;

	private ConfitureConnectRetries connectRetries;

	private boolean baselineOnFirstStart;

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
		Instant startedAt = Instant.now();
		long started = System.nanoTime();
		String action = (this.strategy != null) ? "strategy" : this.mode.name().toLowerCase(java.util.Locale.ROOT);
		this.migrator = this.confiture.migrator().build();
		try {
			if (this.connectRetries != null) {
				this.connectRetries.await(this.confiture.connectionSource());
			}
			checkPostgres();
			Outcome outcome = run();
			checkDrift();
			action = outcome.action();
			Duration duration = Duration.ofNanos(System.nanoTime() - started);
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
			return new Outcome("strategy", List.of(), "ran the configured ConfitureMigrationStrategy");
		}
		return switch (this.mode) {
			case AUTO -> auto();
			case BUILD -> build(this.confiture.build(BuildOptions.defaults()));
			case MIGRATE -> migrate();
			case VALIDATE -> validate();
			case NONE -> new Outcome("none", List.of(), "nothing to do");
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
		if (!this.confiture.existingObjects().isEmpty()) {
			ConfitureFirstStart.check(this.confiture, this.migrator, this.baselineOnFirstStart);
			return migrate();
		}
		if (!hasSchemaFiles()) {
			return migrate();
		}
		BuildResult result = this.confiture.build(BuildOptions.defaults().withExisting(ExistingObjects.SKIP));
		return result.skipped() ? migrate() : build(result);
	}

	private Outcome build(BuildResult result) {
		return new Outcome("build", result.baselinedMigrations(), "built the schema from " + result.schemaFiles().size()
				+ " files and " + result.seedFiles().size() + " seed files (" + result.statementCount()
				+ " statements, schema hash " + result.schemaHash().substring(0, 12) + ")"
				+ (result.baselinedMigrations().isEmpty() ? ""
						: ", marked " + result.baselinedMigrations().size() + " migrations as applied"));
	}

	private Outcome migrate() {
		MigrationRun run = this.migrator.up();
		List<String> versions = run.migrations().stream().map((executed) -> executed.migration().version()).toList();
		String summary = versions.isEmpty() ? "database up to date, no migration to apply"
				: "applied " + versions.size() + " migration(s): " + run.migrations()
					.stream()
					.map(ExecutedMigration::migration)
					.map((migration) -> migration.displayName())
					.collect(Collectors.joining(", "));
		return new Outcome("migrate", versions, summary);
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
		return new Outcome("validate", List.of(), "validated the database: " + report.appliedCount()
				+ " migrations applied, none pending");
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

	void setConnectRetries(ConfitureConnectRetries connectRetries) {
		this.connectRetries = connectRetries;
	}

	void setBaselineOnFirstStart(boolean baselineOnFirstStart) {
		this.baselineOnFirstStart = baselineOnFirstStart;
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

	private record Outcome(String action, List<String> versions, String summary) {

	}

}
