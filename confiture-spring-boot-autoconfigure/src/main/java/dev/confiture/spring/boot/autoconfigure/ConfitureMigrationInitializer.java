package dev.confiture.spring.boot.autoconfigure;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

import dev.confiture.core.Confiture;
import dev.confiture.core.InitializeOptions;
import dev.confiture.core.InitializeOptions.Mode;
import dev.confiture.core.InitializeResult;
import dev.confiture.core.adopt.AdoptionRequiredException;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.lint.LintMode;
import dev.confiture.core.lint.LintOptions;
import dev.confiture.core.lint.LintResult;
import dev.confiture.core.migrate.MigrationCounts;
import dev.confiture.core.migrate.StatusOptions;
import dev.confiture.core.migrate.StatusReport;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState.LastRun;

/**
 * {@link InitializingBean} that builds or migrates the database when the application
 * starts, before anything that depends on database initialization (JPA, jOOQ,
 * JdbcClient...).
 *
 * @since 0.1.0
 */
public class ConfitureMigrationInitializer implements InitializingBean, Ordered {

	private static final Log logger = LogFactory.getLog(ConfitureMigrationInitializer.class);

	private static final String VALIDATE_MODE = "Validate mode";

	private final Confiture confiture;

	private final ConfitureMigrationStrategy strategy;

	private final ConfitureProperties.Mode mode;

	private final ConfitureRunState state;

	private ConfitureStartupVerification verification;

	private ConfitureDatabaseSupport databaseSupport;

	private boolean proveBaseline = true;

	private int order = 0;

	private LintMode lintMode = LintMode.OFF;

	private PostgresServer lintShadow;

	private boolean lintMeasure;

	private ConfitureConnectRetries connectRetries;

	private boolean baselineOnFirstStart;

	private String label = "Confiture";

	/**
	 * Creates an initializer.
	 * @param confiture the Confiture instance
	 * @param strategy the strategy to use instead of the mode, or {@code null}
	 * @param mode what to do without a strategy
	 * @param state where to record what was done
	 */
	public ConfitureMigrationInitializer(Confiture confiture, ConfitureMigrationStrategy strategy,
			ConfitureProperties.Mode mode, ConfitureRunState state) {
		Assert.notNull(confiture, "'confiture' must not be null");
		this.confiture = confiture;
		this.strategy = strategy;
		this.mode = (mode != null) ? mode : ConfitureProperties.Mode.AUTO;
		this.state = state;
	}

	@Override
	public void afterPropertiesSet() {
		if (this.strategy == null && this.mode == ConfitureProperties.Mode.NONE) {
			this.state.recordRun(new LastRun("none", Instant.now(), Duration.ZERO, List.of(), null));
			return;
		}
		ConfitureDiscovery discovery = (this.strategy == null) ? ConfitureDiscovery.start(this.confiture) : null;
		if (this.connectRetries != null) {
			awaitDatabase();
		}
		ConfitureDatabaseSupport.Verdict verdict = (this.databaseSupport != null) ? this.databaseSupport.check()
				: ConfitureDatabaseSupport.Verdict.UNKNOWN;
		if (verdict == ConfitureDatabaseSupport.Verdict.SKIP) {
			this.state.recordRun(new LastRun("skipped", Instant.now(), Duration.ZERO, List.of(), null));
			return;
		}
		if (discovery != null) {
			discovery.await();
		}
		Instant startedAt = Instant.now();
		long started = System.nanoTime();
		String action = (this.strategy != null) ? "strategy" : this.mode.name().toLowerCase(java.util.Locale.ROOT);
		MigrationCounts finalCounts = null;
		try {
			if (verdict != ConfitureDatabaseSupport.Verdict.POSTGRESQL) {
				checkPostgres();
			}
			Outcome outcome = run();
			finalCounts = outcome.counts();
			checkDrift();
			action = outcome.action();
			Duration duration = (outcome.duration() != null) ? outcome.duration()
					: Duration.ofNanos(System.nanoTime() - started);
			this.state.recordRun(new LastRun(action, startedAt, duration, outcome.versions(), null));
			logger.info(this.label + ": " + outcome.summary() + " in " + duration.toMillis() + " ms");
		}
		catch (RuntimeException ex) {
			this.state.recordRun(new LastRun(action, startedAt, Duration.ofNanos(System.nanoTime() - started),
					List.of(), ConnectionSettings.sanitize(ex.getMessage())));
			throw ex;
		}
		finally {
			refreshCounts(finalCounts);
		}
	}

	private void awaitDatabase() {
		try {
			this.connectRetries.await(this.confiture.connectionSource());
		}
		catch (RuntimeException ex) {
			this.state.recordRun(new LastRun("connect", Instant.now(), Duration.ZERO, List.of(),
					ConnectionSettings.sanitize(ex.getMessage())));
			throw ex;
		}
	}

	private Outcome run() {
		if (this.strategy != null) {
			this.strategy.migrate(this.confiture);
			return new Outcome("strategy", List.of(), "ran the configured ConfitureMigrationStrategy", null, null);
		}
		boolean migrates = this.mode == ConfitureProperties.Mode.MIGRATE || this.mode == ConfitureProperties.Mode.AUTO;
		try {
			InitializeResult result = this.confiture.initialize(InitializeOptions.of(Mode.valueOf(this.mode.name()))
				.withBaselineProof(this.proveBaseline)
				.withBaselineOnFirstStart(this.baselineOnFirstStart)
				.withBeforeApplying((this.lintMode != LintMode.OFF && migrates) ? this::lintPending : null));
			return new Outcome(result.action().name().toLowerCase(Locale.ROOT), result.versions(),
					result.summary().replace("the baseline proof is off", "confiture.prove-baseline=false"),
					result.duration(), result.counts());
		}
		catch (AdoptionRequiredException ex) {
			throw ConfitureFirstStart.failure(ex, this.confiture.environment().name());
		}
		catch (ConfitureException ex) {
			throw (this.mode == ConfitureProperties.Mode.VALIDATE) ? validateFailure(ex) : ex;
		}
	}

	/**
	 * Lints the pending migrations before they are applied, from their text.
	 * @param mode fail, warn or off
	 * @param shadowServer where shadow databases are created, or {@code null} for the
	 * default
	 */
	public void setLint(LintMode mode, PostgresServer shadowServer) {
		setLint(mode, false, shadowServer);
	}

	/**
	 * Lints the pending migrations before they are applied.
	 * @param mode fail, warn or off
	 * @param measure whether to run them on a shadow database; from their text otherwise
	 * @param shadowServer where shadow databases are created, or {@code null} for the
	 * default
	 */
	public void setLint(LintMode mode, boolean measure, PostgresServer shadowServer) {
		this.lintMode = (mode != null) ? mode : LintMode.OFF;
		this.lintMeasure = measure;
		this.lintShadow = shadowServer;
	}

	/**
	 * Lints the migrations that migrate or auto mode are about to apply: none when
	 * nothing is pending, nor when auto mode will build a database that was never
	 * migrated.
	 */
	private void lintPending(StatusReport status) {
		if (status.pendingCount() == 0 || (this.mode == ConfitureProperties.Mode.AUTO && !status.initialized())) {
			return;
		}
		LintResult result = this.confiture
			.lint(new LintOptions(List.of(), this.lintMeasure, this.lintMeasure ? this.lintShadow : null));
		this.state.recordLint(result.findings());
		if (this.lintMode == LintMode.WARN) {
			result.findings()
				.forEach((finding) -> logger
					.warn(this.label + " lint: " + finding + " Safe alternative: " + finding.alternative()));
		}
		this.lintMode.check(result);
	}

	/**
	 * Words a failure of validate mode for a Spring application: names the property; the
	 * remedy is worded by {@link RemedyText}.
	 */
	private static ConfitureException validateFailure(ConfitureException ex) {
		String message = ex.getMessage();
		if (!message.startsWith(VALIDATE_MODE)) {
			return ex;
		}
		return new ConfitureException(ex.category(),
				"confiture.mode=validate" + message.substring(VALIDATE_MODE.length()), RemedyText.of(ex), ex);
	}

	private void checkDrift() {
		if (this.verification == null || (this.strategy == null && this.mode == ConfitureProperties.Mode.NONE)) {
			return;
		}
		List<String> differences = this.verification.check().differences();
		this.state.recordDrift(differences);
		if (!differences.isEmpty() && this.strategy == null && this.mode == ConfitureProperties.Mode.VALIDATE) {
			throw new ConfitureException(Category.GENERIC,
					"confiture.mode=validate: the database differs from a fresh build of the schema files: "
							+ String.join("; ", differences),
					"Add a migration that makes the database match db/schema, or change the schema files to match "
							+ "what the migrations do");
		}
		if (!differences.isEmpty()) {
			logger.warn(this.label + ": the database differs from a fresh build of the schema files: "
					+ String.join("; ", differences));
		}
	}

	void setVerification(ConfitureStartupVerification verification) {
		this.verification = verification;
	}

	void setDatabaseSupport(ConfitureDatabaseSupport databaseSupport) {
		this.databaseSupport = databaseSupport;
	}

	/**
	 * Sets whether a build proves that the schema files contain every migration it marks
	 * as applied (on by default).
	 * @param proveBaseline whether to prove the baseline
	 */
	public void setProveBaseline(boolean proveBaseline) {
		this.proveBaseline = proveBaseline;
	}

	void setConnectRetries(ConfitureConnectRetries connectRetries) {
		this.connectRetries = connectRetries;
	}

	/**
	 * Names the named target this initializer prepares, in its log lines.
	 * @param name the target's name
	 */
	void setTarget(String name) {
		this.label = "Confiture target '" + name + "'";
	}

	void setBaselineOnFirstStart(boolean baselineOnFirstStart) {
		this.baselineOnFirstStart = baselineOnFirstStart;
	}

	private void checkPostgres() {
		try (Connection connection = this.confiture.connectionSource().open()) {
			DatabaseMetaData metaData = connection.getMetaData();
			if (!"PostgreSQL".equalsIgnoreCase(metaData.getDatabaseProductName())) {
				throw new ConfitureException(Category.CONFIG,
						"Confiture manages PostgreSQL databases, but the database is "
								+ metaData.getDatabaseProductName() + " ("
								+ ConnectionSettings.sanitize(metaData.getURL()) + ")",
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

	/**
	 * Records the counts of the status the run ended with, reading it again only when the
	 * run changed the database after reading it (or did not read it).
	 */
	private void refreshCounts(MigrationCounts known) {
		try {
			MigrationCounts counts = (known != null) ? known
					: MigrationCounts.of(this.confiture.status(StatusOptions.defaults()));
			this.state.recordCounts(counts);
		}
		catch (RuntimeException ex) {
			logger.debug("Could not read the migration status", ex);
		}
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

	private record Outcome(String action, List<String> versions, String summary, Duration duration,
			MigrationCounts counts) {

	}

}
