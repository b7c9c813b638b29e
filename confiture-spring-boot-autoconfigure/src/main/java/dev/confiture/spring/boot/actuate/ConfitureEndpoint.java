package dev.confiture.spring.boot.actuate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

import dev.confiture.core.Confiture;
import dev.confiture.core.build.BuildRecord;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.coordinate.Conflict;
import dev.confiture.core.coordinate.CoordinationRegistry;
import dev.confiture.core.coordinate.Intent;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.MigrationStatus;
import dev.confiture.spring.boot.autoconfigure.ConfitureProperties;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState.LastRun;
import dev.confiture.spring.boot.autoconfigure.ConfitureTargets;
import dev.confiture.spring.boot.autoconfigure.ConfitureTenants;

/**
 * {@link Endpoint @Endpoint} that shows, for each {@link Confiture} bean of the context
 * and for every target by name (the auto-configured {@code main} and each
 * {@code confiture.targets.<name>}): the mode, the last startup run, the schema build,
 * every migration with its state, and the holder of the migration lock; for a tenant
 * fleet, how many tenants are in each state and the first that are not up to date.
 * Read-only; never shows a password.
 * <p>
 * The types of the response are nested here, as Spring Boot nests those of its own
 * endpoints ({@code FlywayEndpoint.FlywayDescriptor}), because their names
 * ({@code ConfitureEndpoint.ConfitureDescriptor}, ...) are public API: they make this
 * file longer than the other classes, while reading the targets lives in
 * {@code ConfitureDescriptions}.
 *
 * @since 0.1.0
 */
@Endpoint(id = "confiture")
public class ConfitureEndpoint {

	private final String contextId;

	private final Map<String, Confiture> confitureBeans;

	private final String mode;

	private final ConfitureRunState state;

	private final @Nullable ConfitureTargets targets;

	private final @Nullable ConfitureTenants tenants;

	private final int maxFailingTenants;

	private final ConfitureDescriptions descriptions;

	/**
	 * Creates the endpoint.
	 * @param contextId the id of the application context, the key of the description
	 * @param confitureBeans the Confiture beans, by bean name
	 * @param properties the Confiture properties (for the mode)
	 * @param state what the startup run recorded
	 * @param coordinationRegistry the coordination registry, or {@code null} when
	 * coordination is off
	 */
	public ConfitureEndpoint(String contextId, Map<String, Confiture> confitureBeans, ConfitureProperties properties,
			ConfitureRunState state, @Nullable CoordinationRegistry coordinationRegistry) {
		this(contextId, confitureBeans, properties, state, coordinationRegistry, null, null, 20);
	}

	/**
	 * Creates the endpoint with the named targets and the tenants.
	 * @param contextId the id of the application context, the key of the description
	 * @param confitureBeans the Confiture beans, by bean name
	 * @param properties the Confiture properties (for the mode)
	 * @param state what the startup run recorded
	 * @param coordinationRegistry the coordination registry, or {@code null} when
	 * coordination is off
	 * @param targets the named targets, or {@code null} when there are none
	 * @param tenants the tenants, or {@code null} when there are none
	 * @param maxFailingTenants how many tenants that are not up to date are listed
	 */
	public ConfitureEndpoint(String contextId, Map<String, Confiture> confitureBeans, ConfitureProperties properties,
			ConfitureRunState state, @Nullable CoordinationRegistry coordinationRegistry,
			@Nullable ConfitureTargets targets, @Nullable ConfitureTenants tenants, int maxFailingTenants) {
		this.contextId = contextId;
		this.confitureBeans = Map.copyOf(confitureBeans);
		this.mode = properties.getMode().name();
		this.state = state;
		this.targets = targets;
		this.tenants = tenants;
		this.maxFailingTenants = maxFailingTenants;
		this.descriptions = new ConfitureDescriptions(coordinationRegistry, targets);
	}

	/**
	 * Describes every Confiture bean and every target.
	 * @return the description
	 */
	@ReadOperation
	public ConfitureBeansDescriptor confitureBeans() {
		Map<String, ConfitureDescriptor> beans = new LinkedHashMap<>();
		String main = mainBeanName();
		new java.util.TreeMap<>(this.confitureBeans).forEach((name, confiture) -> beans.put(name,
				this.descriptions.describe(confiture, this.mode, this.state, name.equals(main))));
		Map<String, ConfitureDescriptor> targets = new LinkedHashMap<>();
		if (main != null) {
			targets.put(ConfitureTargets.MAIN, beans.get(main));
		}
		if (this.targets != null) {
			this.targets.targets()
				.keySet()
				.forEach((name) -> targets.put(name, this.descriptions.describeTarget(name)));
		}
		TenantsDescriptor tenants = (this.tenants != null)
				? new TenantsDescriptor(this.tenants.summary(this.maxFailingTenants)) : null;
		return new ConfitureBeansDescriptor(
				Map.of(this.contextId, new ContextConfitureBeansDescriptor(beans, targets, tenants, null)));
	}

	/**
	 * Describes one target: {@code main} or the name of a {@code confiture.targets}
	 * entry.
	 * @param target the target's name
	 * @return the description, or {@code null} (404) when there is no such target
	 */
	@ReadOperation
	public @Nullable ConfitureDescriptor confitureTarget(@Selector String target) {
		if (ConfitureTargets.MAIN.equals(target)) {
			String main = mainBeanName();
			return (main != null)
					? this.descriptions.describe(this.confitureBeans.get(main), this.mode, this.state, true) : null;
		}
		if (this.targets == null || !this.targets.targets().containsKey(target)) {
			return null;
		}
		return this.descriptions.describeTarget(target);
	}

	/** The bean of the auto-configured target: {@code confiture}, else the only one. */
	private @Nullable String mainBeanName() {
		if (this.confitureBeans.containsKey("confiture")) {
			return "confiture";
		}
		return (this.confitureBeans.size() == 1) ? this.confitureBeans.keySet().iterator().next() : null;
	}

	/**
	 * Description of the application's Confiture beans, by context.
	 */
	public static final class ConfitureBeansDescriptor implements OperationResponseBody {

		private final Map<String, ContextConfitureBeansDescriptor> contexts;

		private ConfitureBeansDescriptor(Map<String, ContextConfitureBeansDescriptor> contexts) {
			this.contexts = contexts;
		}

		public Map<String, ContextConfitureBeansDescriptor> getContexts() {
			return this.contexts;
		}

	}

	/**
	 * The Confiture beans of one application context.
	 */
	public static final class ContextConfitureBeansDescriptor {

		private final Map<String, ConfitureDescriptor> confitureBeans;

		private final Map<String, ConfitureDescriptor> targets;

		private final @Nullable TenantsDescriptor tenants;

		private final String parentId;

		private ContextConfitureBeansDescriptor(Map<String, ConfitureDescriptor> confitureBeans,
				Map<String, ConfitureDescriptor> targets, @Nullable TenantsDescriptor tenants, String parentId) {
			this.confitureBeans = confitureBeans;
			this.targets = targets;
			this.tenants = tenants;
			this.parentId = parentId;
		}

		public Map<String, ConfitureDescriptor> getConfitureBeans() {
			return this.confitureBeans;
		}

		/**
		 * Every target by name: {@code main} (the auto-configured one), then the named
		 * targets.
		 */
		public Map<String, ConfitureDescriptor> getTargets() {
			return this.targets;
		}

		/** The tenants of the main target, or {@code null} when it has none. */
		public @Nullable TenantsDescriptor getTenants() {
			return this.tenants;
		}

		public String getParentId() {
			return this.parentId;
		}

	}

	/**
	 * One Confiture bean: mode, last run, schema, migrations and lock.
	 */
	public static final class ConfitureDescriptor {

		private final String mode;

		private final LastRunDescriptor lastRun;

		private final SchemaDescriptor schema;

		private final String database;

		private final String trackingTable;

		private final List<MigrationDescriptor> migrations;

		private final List<String> lockHolders;

		private final CoordinationDescriptor coordination;

		private final String error;

		private final List<Map<String, Object>> lint;

		ConfitureDescriptor(String mode, LastRunDescriptor lastRun, SchemaDescriptor schema, String database,
				String trackingTable, List<MigrationDescriptor> migrations, List<String> lockHolders,
				CoordinationDescriptor coordination, String error, List<Map<String, Object>> lint) {
			this.database = database;
			this.lint = lint;
			this.mode = mode;
			this.lastRun = lastRun;
			this.schema = schema;
			this.trackingTable = trackingTable;
			this.migrations = migrations;
			this.lockHolders = lockHolders;
			this.coordination = coordination;
			this.error = error;
		}

		public String getMode() {
			return this.mode;
		}

		public LastRunDescriptor getLastRun() {
			return this.lastRun;
		}

		public SchemaDescriptor getSchema() {
			return this.schema;
		}

		/** The database, without secrets. */
		public String getDatabase() {
			return this.database;
		}

		public String getTrackingTable() {
			return this.trackingTable;
		}

		public List<MigrationDescriptor> getMigrations() {
			return this.migrations;
		}

		public List<String> getLockHolders() {
			return this.lockHolders;
		}

		public CoordinationDescriptor getCoordination() {
			return this.coordination;
		}

		public String getError() {
			return this.error;
		}

		/** The lint findings of the migrations applied at startup. */
		public List<Map<String, Object>> getLint() {
			return this.lint;
		}

	}

	/**
	 * Where the tenants stand: counts per state and the first tenants that are not up to
	 * date, never a row per tenant.
	 *
	 * @param total how many tenants the latest operations saw
	 * @param counts how many tenants are in each state, such as {@code up-to-date}
	 * @param failingCount how many tenants are not up to date
	 * @param failing the first of them, by name
	 * @param updatedAt when the latest operation finished, or {@code null} before the
	 * first
	 */
	public record TenantsDescriptor(int total, Map<String, Integer> counts, int failingCount,
			List<FailingTenantDescriptor> failing, @Nullable Instant updatedAt) {

		TenantsDescriptor(ConfitureTenants.Summary summary) {
			this(summary.total(), labels(summary.counts()), summary.problemCount(),
					summary.problems().stream().map(FailingTenantDescriptor::new).toList(), summary.updatedAt());
		}

		private static Map<String, Integer> labels(Map<dev.confiture.core.tenant.TenantState, Integer> counts) {
			Map<String, Integer> labels = new LinkedHashMap<>();
			counts.forEach((state, count) -> labels.put(state.label(), count));
			return labels;
		}

	}

	/**
	 * A tenant that is not up to date.
	 *
	 * @param tenant its name
	 * @param state its state, such as {@code failed}
	 * @param currentVersion its newest applied version, or {@code null}
	 * @param pendingVersions the versions it still waits for
	 * @param error what went wrong, without secrets, or {@code null}
	 */
	public record FailingTenantDescriptor(String tenant, String state, @Nullable String currentVersion,
			List<String> pendingVersions, @Nullable String error) {

		FailingTenantDescriptor(dev.confiture.core.tenant.TenantOutcome outcome) {
			this(outcome.tenant(), outcome.state().label(), outcome.currentVersion(), outcome.pendingVersions(),
					(outcome.error() != null) ? ConnectionSettings.sanitize(outcome.error()) : null);
		}

	}

	/**
	 * What Confiture did at startup.
	 */
	public static final class LastRunDescriptor {

		private final String action;

		private final Instant started;

		private final long durationMs;

		private final List<String> versions;

		private final String error;

		LastRunDescriptor(LastRun run) {
			this.action = run.action();
			this.started = run.startedAt();
			this.durationMs = run.duration().toMillis();
			this.versions = run.versions();
			this.error = run.error();
		}

		public String getAction() {
			return this.action;
		}

		public Instant getStarted() {
			return this.started;
		}

		public long getDurationMs() {
			return this.durationMs;
		}

		public List<String> getVersions() {
			return this.versions;
		}

		public String getError() {
			return this.error;
		}

	}

	/**
	 * The latest build of the schema files.
	 */
	public static final class SchemaDescriptor {

		private final String hash;

		private final OffsetDateTime builtAt;

		private final String builtBy;

		private final int files;

		SchemaDescriptor(BuildRecord build) {
			this.hash = build.schemaHash();
			this.builtAt = build.builtAt();
			this.builtBy = build.builtBy();
			this.files = build.fileCount();
		}

		public String getHash() {
			return this.hash;
		}

		public OffsetDateTime getBuiltAt() {
			return this.builtAt;
		}

		public String getBuiltBy() {
			return this.builtBy;
		}

		public int getFiles() {
			return this.files;
		}

	}

	/**
	 * One migration.
	 */
	public static final class MigrationDescriptor {

		private final String version;

		private final String name;

		private final String kind;

		private final String state;

		private final boolean reversible;

		private final String checksum;

		private final OffsetDateTime appliedAt;

		private final String appliedBy;

		private final Long executionMs;

		MigrationDescriptor(MigrationStatus status, MigrationInfo info) {
			this.version = status.version();
			this.name = status.name();
			this.kind = (status.kind() != null) ? status.kind().name() : null;
			this.state = status.state().name();
			this.reversible = status.reversible();
			this.checksum = (info != null) ? info.checksum() : null;
			this.appliedAt = status.appliedAt();
			this.appliedBy = status.appliedBy();
			this.executionMs = status.executionMs();
		}

		public String getVersion() {
			return this.version;
		}

		public String getName() {
			return this.name;
		}

		public String getKind() {
			return this.kind;
		}

		public String getState() {
			return this.state;
		}

		public boolean isReversible() {
			return this.reversible;
		}

		public String getChecksum() {
			return this.checksum;
		}

		public OffsetDateTime getAppliedAt() {
			return this.appliedAt;
		}

		public String getAppliedBy() {
			return this.appliedBy;
		}

		public Long getExecutionMs() {
			return this.executionMs;
		}

	}

	/**
	 * Coordination of schema changes between agents: the active intents and the open
	 * conflicts ({@code confiture.coordination.enabled=true}).
	 *
	 * @param initialized whether the coordination tables exist
	 * @param activeIntents intents neither completed nor abandoned
	 * @param openConflicts conflicts between active intents
	 * @param error why the intents could not be read, or {@code null}
	 */
	public record CoordinationDescriptor(boolean initialized, List<IntentDescriptor> activeIntents,
			List<ConflictDescriptor> openConflicts, String error) {

		static CoordinationDescriptor of(CoordinationRegistry registry) {
			try {
				if (!registry.isInitialized()) {
					return new CoordinationDescriptor(false, List.of(), List.of(), null);
				}
				return new CoordinationDescriptor(true,
						registry.activeIntents().stream().map(IntentDescriptor::new).toList(),
						registry.openConflicts().stream().map(ConflictDescriptor::new).toList(), null);
			}
			catch (RuntimeException ex) {
				return new CoordinationDescriptor(false, List.of(), List.of(),
						ConnectionSettings.sanitize(ex.getMessage()));
			}
		}

	}

	/**
	 * One intent to change the schema.
	 *
	 * @param id the intent id
	 * @param agentId the agent
	 * @param featureName the feature
	 * @param branchName the allocated branch
	 * @param status its status
	 * @param riskLevel its risk level
	 * @param tables the tables it touches
	 * @param createdAt when it was registered
	 * @param updatedAt when it last changed
	 */
	public record IntentDescriptor(String id, String agentId, String featureName, String branchName, String status,
			String riskLevel, List<String> tables, Instant createdAt, Instant updatedAt) {

		IntentDescriptor(Intent intent) {
			this(intent.id(), intent.agentId(), intent.featureName(), intent.branchName(), intent.status().name(),
					intent.riskLevel().name(), intent.tables(), intent.createdAt(), intent.updatedAt());
		}

	}

	/**
	 * A conflict between two intents.
	 *
	 * @param intentId the intent that found it
	 * @param agentId its agent
	 * @param otherIntentId the other intent
	 * @param otherAgentId the other agent
	 * @param kind the kind of object both touch
	 * @param object the object
	 * @param severity {@code WARNING} (same table) or {@code ERROR} (same column, index,
	 * function)
	 * @param suggestion what to do
	 */
	public record ConflictDescriptor(String intentId, String agentId, String otherIntentId, String otherAgentId,
			String kind, String object, String severity, String suggestion) {

		ConflictDescriptor(Conflict conflict) {
			this(conflict.intentId(), conflict.agentId(), conflict.otherIntentId(), conflict.otherAgentId(),
					conflict.kind().name(), conflict.object(), conflict.severity().name(), conflict.suggestion());
		}

	}

}
