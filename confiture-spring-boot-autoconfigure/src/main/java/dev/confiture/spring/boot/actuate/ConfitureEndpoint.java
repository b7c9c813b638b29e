package dev.confiture.spring.boot.actuate;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import dev.confiture.core.Confiture;
import dev.confiture.core.build.BuildRecord;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.coordinate.Conflict;
import dev.confiture.core.coordinate.CoordinationRegistry;
import dev.confiture.core.coordinate.Intent;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.MigrationState;
import dev.confiture.core.migrate.MigrationStatus;
import dev.confiture.core.migrate.StatusOptions;
import dev.confiture.core.migrate.StatusReport;
import dev.confiture.spring.boot.autoconfigure.ConfitureProperties;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState.LastRun;

/**
 * {@link Endpoint @Endpoint} that shows, for each {@link Confiture} bean of the context: the mode, the last startup run, the schema build, every migration with its state,
 * and the holder of the migration lock. Read-only; never shows a password.
 *
 * @since 0.1.0
 */
@Endpoint(id = "confiture")
public class ConfitureEndpoint {

	private final String contextId;

	private final Map<String, Confiture> confitureBeans;

	private final String mode;

	private final ConfitureRunState state;

	private final @Nullable CoordinationRegistry coordinationRegistry;

	/**
	 * Creates the endpoint.
	 * @param contextId the id of the application context, the key of the description
	 * @param confitureBeans the Confiture beans, by bean name
	 * @param properties the Confiture properties (for the mode)
	 * @param state what the startup run recorded
	 * @param coordinationRegistry the coordination registry, or {@code null} when coordination
	 * is off
	 */
	public ConfitureEndpoint(String contextId, Map<String, Confiture> confitureBeans, ConfitureProperties properties,
			ConfitureRunState state, @Nullable CoordinationRegistry coordinationRegistry) {
		this.contextId = contextId;
		this.confitureBeans = Map.copyOf(confitureBeans);
		this.mode = properties.getMode().name();
		this.state = state;
		this.coordinationRegistry = coordinationRegistry;
	}

	/**
	 * Describes every Confiture bean.
	 * @return the description
	 */
	@ReadOperation
	public ConfitureBeansDescriptor confitureBeans() {
		Map<String, ConfitureDescriptor> beans = new LinkedHashMap<>();
		new java.util.TreeMap<>(this.confitureBeans).forEach((name, confiture) -> beans.put(name, describe(confiture)));
		return new ConfitureBeansDescriptor(Map.of(this.contextId, new ContextConfitureBeansDescriptor(beans, null)));
	}

	private ConfitureDescriptor describe(Confiture confiture) {
		LastRun lastRun = this.state.lastRun();
		String error = null;
		SchemaDescriptor schema = null;
		List<MigrationDescriptor> migrations = List.of();
		String trackingTable = confiture.environment().trackingTable();
		List<String> lockHolders = List.of();
		try {
			schema = confiture.lastBuild().map(SchemaDescriptor::new).orElse(null);
			Map<String, MigrationInfo> infos = confiture.migrations()
				.stream()
				.collect(Collectors.toMap(MigrationInfo::version, Function.identity(), (a, b) -> a));
			StatusReport report = confiture.status(StatusOptions.defaults());
			trackingTable = report.trackingTable();
			migrations = report.migrations()
				.stream()
				.map((status) -> new MigrationDescriptor(status, infos.get(status.version())))
				.toList();
			lockHolders = confiture.lockHolders();
		}
		catch (RuntimeException ex) {
			error = ConnectionSettings.sanitize(ex.getMessage());
		}
		CoordinationDescriptor coordination = (this.coordinationRegistry != null)
				? CoordinationDescriptor.of(this.coordinationRegistry) : null;
		return new ConfitureDescriptor(this.mode, (lastRun != null) ? new LastRunDescriptor(lastRun) : null, schema,
				trackingTable, migrations, lockHolders, coordination, error);
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

		private final String parentId;

		private ContextConfitureBeansDescriptor(Map<String, ConfitureDescriptor> confitureBeans, String parentId) {
			this.confitureBeans = confitureBeans;
			this.parentId = parentId;
		}

		public Map<String, ConfitureDescriptor> getConfitureBeans() {
			return this.confitureBeans;
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

		private final String trackingTable;

		private final List<MigrationDescriptor> migrations;

		private final List<String> lockHolders;

		private final CoordinationDescriptor coordination;

		private final String error;

		private ConfitureDescriptor(String mode, LastRunDescriptor lastRun, SchemaDescriptor schema, String trackingTable,
				List<MigrationDescriptor> migrations, List<String> lockHolders, CoordinationDescriptor coordination,
				String error) {
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

		private LastRunDescriptor(LastRun run) {
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

		private SchemaDescriptor(BuildRecord build) {
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

		private MigrationDescriptor(MigrationStatus status, MigrationInfo info) {
			this.version = status.version();
			this.name = status.name();
			this.kind = (status.kind() != null) ? status.kind().name() : null;
			this.state = (status.state() == MigrationState.APPLIED && !status.reversible()) ? "IRREVERSIBLE"
					: status.state().name();
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
	 * Coordination of schema changes between agents: the active intents and the open conflicts
	 * ({@code confiture.coordination.enabled=true}).
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
				return new CoordinationDescriptor(false, List.of(), List.of(), ConnectionSettings.sanitize(ex.getMessage()));
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
	 * @param severity {@code WARNING} (same table) or {@code ERROR} (same column, index, function)
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
