package dev.confiture.spring.boot.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionTimeouts;
import dev.confiture.core.lint.LintMode;
import dev.confiture.core.migrate.ChecksumPolicy;
import dev.confiture.core.migrate.MigrationTimeouts;

/**
 * Configuration properties for Confiture. One class with nested groups, as Spring Boot's
 * own {@code FlywayProperties}: the class mirrors the {@code confiture.*} tree, so its
 * length follows the number of properties, not the number of jobs it does.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(prefix = "confiture", ignoreUnknownFields = false)
public class ConfitureProperties {

	/**
	 * Whether to enable Confiture.
	 */
	private boolean enabled = true;

	/**
	 * What to do with the database at startup.
	 */
	private Mode mode = Mode.AUTO;

	/**
	 * Comma-separated list of locations of the schema files (DDL).
	 */
	private List<String> schemaLocations = new ArrayList<>(List.of("classpath:db/schema"));

	/**
	 * Comma-separated list of locations of the versioned migrations
	 * ({version}_{name}.up.sql).
	 */
	private List<String> migrationLocations = new ArrayList<>(List.of("classpath:db/migrations"));

	/**
	 * Comma-separated list of locations of the seed folders, each with one sub-folder per
	 * seed profile.
	 */
	private List<String> seedLocations = new ArrayList<>(List.of("classpath:db/seeds"));

	/**
	 * Comma-separated list of seed profiles applied after a build, e.g.
	 * common,development.
	 */
	private List<String> seedProfiles = new ArrayList<>();

	/**
	 * Comma-separated list of packages scanned for JavaMigration classes.
	 */
	private List<String> javaMigrationsPackage = new ArrayList<>();

	/**
	 * Name of the migration tracking table, optionally schema-qualified.
	 */
	private String trackingTable = "confiture_migrations";

	/**
	 * Maximum time to wait for the migration lock held by another instance.
	 */
	private Duration lockWait = Duration.ofSeconds(60);

	/**
	 * What to do when an applied migration's file has changed.
	 */
	private ChecksumPolicy onChecksumMismatch = ChecksumPolicy.FAIL;

	/**
	 * JDBC URL of the database to manage, when it is not the application's DataSource
	 * (e.g. a separate DDL user).
	 */
	private String url;

	/**
	 * Login user of the database to manage, for a separate DDL user.
	 */
	private String user;

	/**
	 * Login password of the database to manage, for a separate DDL user.
	 */
	private String password;

	/**
	 * Longest wait for the TCP connection to confiture.url and the shadow URL.
	 */
	private Duration connectTimeout = Duration.ofSeconds(10);

	/**
	 * Longest wait for the whole login to confiture.url and the shadow URL.
	 */
	private Duration loginTimeout = Duration.ofSeconds(30);

	/**
	 * Longest wait for any answer of the server on confiture.url; 0 waits as long as a
	 * statement runs.
	 */
	private Duration socketTimeout = Duration.ZERO;

	/**
	 * Whether validate mode and the health indicator also compare the database with a
	 * fresh build of the schema files.
	 */
	private boolean checkDrift;

	/**
	 * JDBC URL of a database whose user may create throw-away databases, for the drift
	 * check and lint; the managed database's server by default.
	 */
	private String shadowUrl;

	/**
	 * Whether a build proves that the schema files contain every migration that it marks
	 * as applied (each migration is run on the built schema and rolled back). Turned off,
	 * a migration missing from the schema files is marked as applied anyway and every
	 * database built from them lacks it.
	 */
	private boolean proveBaseline = true;

	/**
	 * What to do when the database is not PostgreSQL (e.g. H2 in tests): 'skip' with one
	 * warning, or 'fail' the startup. By default, 'fail' when confiture.url or
	 * confiture.mode is set, else 'skip'.
	 */
	private OnUnsupportedDatabase onUnsupportedDatabase;

	/**
	 * Whether auto mode, on a database that has a schema but no tracking table, marks
	 * every migration as applied (a baseline at the latest one) instead of stopping
	 * startup.
	 */
	private boolean baselineOnFirstStart;

	/**
	 * How many times to retry connecting to a database that is not accepting connections
	 * yet.
	 */
	private int connectRetries;

	/**
	 * Longest wait between two connection attempts; waits double from one second up to
	 * it.
	 */
	private Duration connectRetriesInterval = Duration.ofSeconds(120);

	private final Coordination coordination = new Coordination();

	/**
	 * lock_timeout of every migration transaction; a migration file may set its own with
	 * "-- confiture:lock-timeout=30s". Zero for no limit.
	 */
	private Duration lockTimeout = MigrationTimeouts.DEFAULT_LOCK_TIMEOUT;

	/**
	 * statement_timeout of every migration transaction. Zero for no limit.
	 */
	private Duration statementTimeout = Duration.ZERO;

	/**
	 * How often a migration rolled back by its lock timeout is retried (after 2 s, 4 s, 8
	 * s...).
	 */
	private int lockRetries = MigrationTimeouts.DEFAULT_LOCK_RETRIES;

	private final Lint lint = new Lint();

	public boolean isProveBaseline() {
		return this.proveBaseline;
	}

	public void setProveBaseline(boolean proveBaseline) {
		this.proveBaseline = proveBaseline;
	}

	public OnUnsupportedDatabase getOnUnsupportedDatabase() {
		return this.onUnsupportedDatabase;
	}

	public void setOnUnsupportedDatabase(OnUnsupportedDatabase onUnsupportedDatabase) {
		this.onUnsupportedDatabase = onUnsupportedDatabase;
	}

	/**
	 * Named targets besides the main one (confiture.targets.NAME.*), each built or
	 * migrated before the beans that use its DataSource.
	 */
	private final Map<String, ConfitureTargetProperties> targets = new LinkedHashMap<>();

	/**
	 * Tenant fleet of the main target (confiture.tenants.*).
	 */
	private final ConfitureTenantsProperties tenants = new ConfitureTenantsProperties();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Mode getMode() {
		return this.mode;
	}

	public void setMode(Mode mode) {
		this.mode = mode;
	}

	public List<String> getSchemaLocations() {
		return this.schemaLocations;
	}

	public void setSchemaLocations(List<String> schemaLocations) {
		this.schemaLocations = schemaLocations;
	}

	public List<String> getMigrationLocations() {
		return this.migrationLocations;
	}

	public void setMigrationLocations(List<String> migrationLocations) {
		this.migrationLocations = migrationLocations;
	}

	public List<String> getSeedLocations() {
		return this.seedLocations;
	}

	public void setSeedLocations(List<String> seedLocations) {
		this.seedLocations = seedLocations;
	}

	public List<String> getSeedProfiles() {
		return this.seedProfiles;
	}

	public void setSeedProfiles(List<String> seedProfiles) {
		this.seedProfiles = seedProfiles;
	}

	public List<String> getJavaMigrationsPackage() {
		return this.javaMigrationsPackage;
	}

	public void setJavaMigrationsPackage(List<String> javaMigrationsPackage) {
		this.javaMigrationsPackage = javaMigrationsPackage;
	}

	public String getTrackingTable() {
		return this.trackingTable;
	}

	public void setTrackingTable(String trackingTable) {
		this.trackingTable = trackingTable;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getLoginTimeout() {
		return this.loginTimeout;
	}

	public void setLoginTimeout(Duration loginTimeout) {
		this.loginTimeout = loginTimeout;
	}

	public Duration getSocketTimeout() {
		return this.socketTimeout;
	}

	public void setSocketTimeout(Duration socketTimeout) {
		this.socketTimeout = socketTimeout;
	}

	/** The connection timeouts for Confiture's own connections. */
	ConnectionTimeouts timeouts() {
		try {
			return new ConnectionTimeouts(this.connectTimeout, this.loginTimeout, this.socketTimeout);
		}
		catch (IllegalArgumentException ex) {
			throw new ConfitureException(Category.CONFIG, ex.getMessage(),
					"Set confiture.connect-timeout and confiture.login-timeout to more than zero, "
							+ "confiture.socket-timeout to zero or more");
		}
	}

	public Duration getLockWait() {
		return this.lockWait;
	}

	public void setLockWait(Duration lockWait) {
		this.lockWait = lockWait;
	}

	public ChecksumPolicy getOnChecksumMismatch() {
		return this.onChecksumMismatch;
	}

	public void setOnChecksumMismatch(ChecksumPolicy onChecksumMismatch) {
		this.onChecksumMismatch = onChecksumMismatch;
	}

	public String getUrl() {
		return this.url;
	}

	public void setUrl(String url) {
		this.url = url;
	}

	public String getUser() {
		return this.user;
	}

	public void setUser(String user) {
		this.user = user;
	}

	public String getPassword() {
		return this.password;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	public boolean isCheckDrift() {
		return this.checkDrift;
	}

	public void setCheckDrift(boolean checkDrift) {
		this.checkDrift = checkDrift;
	}

	public String getShadowUrl() {
		return this.shadowUrl;
	}

	public void setShadowUrl(String shadowUrl) {
		this.shadowUrl = shadowUrl;
	}

	public boolean isBaselineOnFirstStart() {
		return this.baselineOnFirstStart;
	}

	public void setBaselineOnFirstStart(boolean baselineOnFirstStart) {
		this.baselineOnFirstStart = baselineOnFirstStart;
	}

	public int getConnectRetries() {
		return this.connectRetries;
	}

	public void setConnectRetries(int connectRetries) {
		this.connectRetries = connectRetries;
	}

	public Duration getConnectRetriesInterval() {
		return this.connectRetriesInterval;
	}

	public void setConnectRetriesInterval(Duration connectRetriesInterval) {
		this.connectRetriesInterval = connectRetriesInterval;
	}

	public Coordination getCoordination() {
		return this.coordination;
	}

	public Map<String, ConfitureTargetProperties> getTargets() {
		return this.targets;
	}

	public ConfitureTenantsProperties getTenants() {
		return this.tenants;
	}

	/**
	 * What Confiture does with the database at startup.
	 */
	public enum Mode {

		/** Build when the database is empty, else migrate. */
		AUTO,

		/** Build from the schema files; fail if the database is not empty. */
		BUILD,

		/** Apply pending migrations. */
		MIGRATE,

		/** Fail startup if anything is pending or an applied migration changed. */
		VALIDATE,

		/** Do nothing. */
		NONE

	}

	/**
	 * What Confiture does when the database is not PostgreSQL.
	 */
	public enum OnUnsupportedDatabase {

		/**
		 * Do nothing, with one warning (the default unless confiture.url or
		 * confiture.mode is set).
		 */
		SKIP,

		/** Stop the startup (the default when confiture.url or confiture.mode is set). */
		FAIL

	}

	/**
	 * Coordination of schema changes between agents.
	 */
	public Duration getLockTimeout() {
		return this.lockTimeout;
	}

	public void setLockTimeout(Duration lockTimeout) {
		this.lockTimeout = lockTimeout;
	}

	public Duration getStatementTimeout() {
		return this.statementTimeout;
	}

	public void setStatementTimeout(Duration statementTimeout) {
		this.statementTimeout = statementTimeout;
	}

	public int getLockRetries() {
		return this.lockRetries;
	}

	public void setLockRetries(int lockRetries) {
		this.lockRetries = lockRetries;
	}

	public Lint getLint() {
		return this.lint;
	}

	/**
	 * Lint of the pending migrations before they are applied at startup.
	 */
	public static class Lint {

		/**
		 * What to do when the pending migrations have lint findings: fail (refuse to
		 * start on errors), warn (log them) or off.
		 */
		private LintMode mode = LintMode.WARN;

		/**
		 * Whether to run the pending migrations on a shadow database
		 * (confiture.shadow-url, else the managed database's server) instead of linting
		 * their text only.
		 */
		private boolean measure;

		public LintMode getMode() {
			return this.mode;
		}

		public void setMode(LintMode mode) {
			this.mode = mode;
		}

		public boolean isMeasure() {
			return this.measure;
		}

		public void setMeasure(boolean measure) {
			this.measure = measure;
		}

	}

	public static class Coordination {

		/**
		 * Whether to show coordination intents on the actuator endpoint.
		 */
		private boolean enabled;

		/**
		 * JDBC URL of the coordination database; the application's database by default.
		 */
		private String url;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public String getUrl() {
			return this.url;
		}

		public void setUrl(String url) {
			this.url = url;
		}

	}

}
