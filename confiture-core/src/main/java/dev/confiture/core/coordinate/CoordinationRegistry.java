package dev.confiture.core.coordinate;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Setting;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionSource;

/**
 * The intents of all agents working on one schema, kept in the {@code confiture} schema
 * of a coordination database: {@code confiture.intents},
 * {@code confiture.intent_conflicts} and {@code confiture.intent_history} (one row per
 * status change).
 * <p>
 * <b>Concurrency.</b> Every operation that writes ({@link #register register}, status
 * changes, {@link #initialize initialize}) runs in one READ COMMITTED transaction that
 * first takes the exclusive transaction-level advisory lock {@value #LOCK_KEY}
 * ({@code pg_advisory_xact_lock}); {@link #check check} takes the same lock in shared
 * mode. Registrations are therefore serialised: each one reads every active intent after
 * the previous one committed, so two agents registering on the same column at the same
 * moment never both see "no conflict", and the next branch number is always free. This
 * was chosen over {@code SERIALIZABLE}: a registration compares its objects with
 * <em>all</em> active intents, so serialisable transactions would fail with serialisation
 * errors on almost every concurrent pair and need a retry loop, whereas a lock held for
 * the few milliseconds of one registration costs nothing at the scale of agents, never
 * fails, and is released by PostgreSQL on commit, rollback or a lost connection. Reads
 * such as {@link #activeIntents()} are single statements and need no lock.
 * <p>
 * Every value given is stored as given through bind parameters; no SQL is built from
 * input.
 */
public final class CoordinationRegistry {

	/**
	 * Key of the advisory lock that serialises registrations ({@code 'coordina'} in
	 * ASCII).
	 */
	public static final long LOCK_KEY = 0x636f6f7264696e61L;

	private static final Set<IntentStatus> STARTABLE = Set.of(IntentStatus.REGISTERED, IntentStatus.CONFLICTED);

	private final ConnectionSource connections;

	private final String description;

	private volatile boolean schemaReady;

	/**
	 * A registry on the database the factory connects to.
	 * @param connections opens connections to the coordination database
	 * @param description the database for messages, without any password
	 */
	public CoordinationRegistry(ConnectionSource connections, String description) {
		this.connections = Objects.requireNonNull(connections, "connections");
		this.description = Objects.requireNonNull(description, "description");
	}

	/**
	 * A registry on the database of the given settings.
	 * @param settings the coordination database
	 * @return the registry
	 */
	public static CoordinationRegistry of(ConnectionSettings settings) {
		return new CoordinationRegistry(settings, settings.toString());
	}

	/** The coordination database, for messages; never contains a password. */
	public String description() {
		return this.description;
	}

	/**
	 * Creates the coordination tables if they do not exist.
	 * @return whether anything was created
	 */
	public boolean initialize() {
		boolean created = inTransaction(true, (connection) -> {
			if (CoordinationSchema.exists(connection)) {
				return false;
			}
			CoordinationSchema.create(connection);
			return true;
		});
		this.schemaReady = true;
		return created;
	}

	/** Whether the coordination tables exist. */
	public boolean isInitialized() {
		try (Connection connection = connect()) {
			return CoordinationSchema.exists(connection);
		}
		catch (SQLException ex) {
			throw failure("read", ex);
		}
	}

	/**
	 * Registers an intent, creating the coordination tables if needed. Conflicts with
	 * other agents' active intents are recorded and make the intent
	 * {@link IntentStatus#CONFLICTED}.
	 * @param request what the agent plans; a feature name and declared tables or planned
	 * DDL are required
	 * @return the intent, its conflicts and the statements that were not read
	 */
	public Registration register(IntentRequest request) {
		if (request.featureName() == null || request.featureName().isBlank()) {
			throw new ConfitureException(Category.CONFIG, "A feature name is required to register an intent",
					Remedy.pass(Setting.FEATURE_NAME, "NAME", "Pass ", "; it also names the branch"));
		}
		Recognition recognition = recognize(request, true);
		if (!this.schemaReady) {
			initialize();
		}
		return inTransaction(true, (connection) -> {
			String id = IntentRows.newId(connection);
			List<Conflict> found = ConflictDetector.detect(id, request.agentId(), recognition.objects(),
					IntentRows.queryIntents(connection, "WHERE status IN ('registered', 'in_progress', 'conflicted')"));
			IntentStatus status = found.isEmpty() ? IntentStatus.REGISTERED : IntentStatus.CONFLICTED;
			IntentRows.insertIntent(connection, id, request, recognition, status,
					BranchNames.next(connection, request.featureName()));
			List<Conflict> conflicts = new ArrayList<>();
			for (Conflict conflict : found) {
				conflicts.add(IntentRows.insertConflict(connection, conflict));
			}
			IntentRows.insertHistory(connection, id, null, status,
					found.isEmpty() ? "registered" : "registered with " + found.size() + " conflict(s)",
					request.agentId());
			return new Registration(IntentRows.find(connection, id), conflicts, recognition.unrecognised());
		});
	}

	/**
	 * Checks planned work against the active intents of other agents, recording nothing.
	 * @param request what the agent plans; the feature name is optional
	 * @return the conflicts found
	 * @throws ConfitureException of category {@code NOT_INITIALIZED} if the tables do not
	 * exist
	 */
	public ConflictCheck check(IntentRequest request) {
		Recognition recognition = recognize(request, false);
		return inTransaction(false, (connection) -> {
			requireInitialized(connection);
			List<Conflict> conflicts = ConflictDetector.detect(null, request.agentId(), recognition.objects(),
					IntentRows.queryIntents(connection, "WHERE status IN ('registered', 'in_progress', 'conflicted')"));
			return new ConflictCheck(request.agentId(), recognition.objects(), conflicts, recognition.unrecognised());
		});
	}

	/**
	 * Marks a registered or conflicted intent as in progress. Its open conflicts stay
	 * open.
	 * @param intentId the intent
	 * @param notes why or how, for the history, or {@code null}
	 * @param changedBy who, or {@code null}
	 * @return the change
	 */
	public StatusChange start(String intentId, String notes, String changedBy) {
		return changeStatus(intentId, IntentStatus.IN_PROGRESS, null, null, notes, changedBy);
	}

	/**
	 * Marks an active intent as completed: it no longer conflicts with anyone, its open
	 * conflicts are resolved and conflicted intents with no conflict left become
	 * registered.
	 * @param intentId the intent
	 * @param outcome how it ended, such as {@code success}, or {@code null}
	 * @param notes for the history, or {@code null}
	 * @param changedBy who, or {@code null}
	 * @return the change
	 */
	public StatusChange complete(String intentId, String outcome, String notes, String changedBy) {
		return changeStatus(intentId, IntentStatus.COMPLETED, outcome, null, notes, changedBy);
	}

	/**
	 * Marks an active intent as abandoned, with the same effect on conflicts as
	 * {@link #complete completing} it.
	 * @param intentId the intent
	 * @param reason why, or {@code null}
	 * @param changedBy who, or {@code null}
	 * @return the change
	 */
	public StatusChange abandon(String intentId, String reason, String changedBy) {
		return changeStatus(intentId, IntentStatus.ABANDONED, null, reason, reason, changedBy);
	}

	/**
	 * The intent with the given id.
	 * @param intentId the id
	 * @return the intent, or empty if there is none
	 */
	public Optional<Intent> intent(String intentId) {
		return read((connection) -> Optional.ofNullable(IntentRows.find(connection, intentId)));
	}

	/** Every intent, oldest first. */
	public List<Intent> intents() {
		return read((connection) -> IntentRows.queryIntents(connection, ""));
	}

	/** The registered, in-progress and conflicted intents, oldest first. */
	public List<Intent> activeIntents() {
		return read((connection) -> IntentRows.queryIntents(connection,
				"WHERE status IN ('registered', 'in_progress', 'conflicted')"));
	}

	/** The conflicts whose intents are both still active, oldest first. */
	public List<Conflict> openConflicts() {
		return read((connection) -> IntentRows.queryConflicts(connection, "WHERE c.resolved_at IS NULL", null));
	}

	/**
	 * The conflicts, open and resolved, that involve the given intent, oldest first.
	 * @param intentId the intent
	 * @return the conflicts
	 */
	public List<Conflict> conflicts(String intentId) {
		return read((connection) -> IntentRows.queryConflicts(connection, "WHERE ? IN (c.intent_id, c.other_intent_id)",
				intentId));
	}

	/**
	 * The status changes of an intent, oldest first; the first is its registration.
	 * @param intentId the intent
	 * @return the history
	 */
	public List<HistoryEntry> history(String intentId) {
		return read((connection) -> {
			List<HistoryEntry> history = new ArrayList<>();
			try (PreparedStatement statement = connection
				.prepareStatement("SELECT intent_id, old_status, new_status, " + "reason, changed_by, changed_at FROM "
						+ CoordinationSchema.HISTORY + " WHERE intent_id = ? ORDER BY id")) {
				statement.setString(1, intentId);
				try (ResultSet row = statement.executeQuery()) {
					while (row.next()) {
						String old = row.getString("old_status");
						history.add(new HistoryEntry(row.getString("intent_id"),
								(old != null) ? IntentStatus.of(old) : null,
								IntentStatus.of(row.getString("new_status")), row.getString("reason"),
								row.getString("changed_by"), IntentRows.instant(row, "changed_at")));
					}
				}
			}
			return history;
		});
	}

	private Recognition recognize(IntentRequest request, boolean registering) {
		boolean noDdl = request.schemaChanges() == null || request.schemaChanges().isBlank();
		if (request.tablesAffected().isEmpty() && noDdl && registering) {
			throw new ConfitureException(Category.CONFIG, "Nothing to coordinate on: no tables and no schema changes",
					Remedy.of(Remedy.Kind.DESCRIBE_INTENT));
		}
		return DdlRecognizer.recognize(request.tablesAffected(), request.schemaChanges(), "planned schema changes");
	}

	private StatusChange changeStatus(String intentId, IntentStatus target, String outcome, String reason,
			String historyReason, String changedBy) {
		return inTransaction(true, (connection) -> {
			requireInitialized(connection);
			Intent intent = IntentRows.find(connection, intentId);
			if (intent == null) {
				throw new ConfitureException(Category.CONFIG,
						"No intent '" + intentId + "' in the coordination database " + this.description,
						Remedy.of(Remedy.Kind.LIST_INTENTS));
			}
			IntentStatus previous = intent.status();
			boolean allowed = (target == IntentStatus.IN_PROGRESS) ? STARTABLE.contains(previous) : previous.isActive();
			if (!allowed) {
				throw new ConfitureException(Category.GENERIC,
						"Intent " + intentId + " is " + previous.value() + "; it cannot be marked " + target.value(),
						(target == IntentStatus.IN_PROGRESS) ? "Only registered or conflicted intents can be started"
								: "Completed and abandoned intents are final; register a new intent for new work");
			}
			try (PreparedStatement statement = connection.prepareStatement("UPDATE " + CoordinationSchema.INTENTS
					+ " SET status = ?, outcome = coalesce(?, outcome), reason = coalesce(?, reason), "
					+ "updated_at = clock_timestamp() WHERE id = ?")) {
				statement.setString(1, target.value());
				statement.setString(2, outcome);
				statement.setString(3, reason);
				statement.setString(4, intentId);
				statement.executeUpdate();
			}
			IntentRows.insertHistory(connection, intentId, previous, target, historyReason, changedBy);
			int resolved = 0;
			List<String> released = List.of();
			if (!target.isActive()) {
				List<String> involved = IntentRows.resolveConflicts(connection, intentId,
						intentId + " " + target.value());
				resolved = involved.size();
				released = IntentRows.release(connection, intentId, involved, target);
			}
			return new StatusChange(IntentRows.find(connection, intentId), previous, resolved, released);
		});
	}

	private void requireInitialized(Connection connection) throws SQLException {
		if (!CoordinationSchema.exists(connection)) {
			throw new ConfitureException(Category.NOT_INITIALIZED,
					"The coordination database " + this.description + " has no coordination tables (confiture.intents)",
					Remedy.of(Remedy.Kind.INITIALIZE_COORDINATION));
		}
	}

	private <T> T read(Work<T> work) {
		try (Connection connection = connect()) {
			requireInitialized(connection);
			return work.run(connection);
		}
		catch (SQLException ex) {
			throw failure("read", ex);
		}
	}

	private <T> T inTransaction(boolean exclusive, Work<T> work) {
		try (Connection connection = connect()) {
			connection.setAutoCommit(false);
			try {
				try (PreparedStatement lock = connection.prepareStatement(
						exclusive ? "SELECT pg_advisory_xact_lock(?)" : "SELECT pg_advisory_xact_lock_shared(?)")) {
					lock.setLong(1, LOCK_KEY);
					lock.execute();
				}
				T result = work.run(connection);
				connection.commit();
				return result;
			}
			catch (SQLException | RuntimeException ex) {
				try {
					connection.rollback();
				}
				catch (SQLException rollbackFailure) {
					ex.addSuppressed(rollbackFailure);
				}
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw failure(exclusive ? "update" : "read", ex);
		}
	}

	private Connection connect() {
		try {
			return this.connections.open();
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not connect to the coordination database " + this.description + ": " + ex.getMessage(),
					"Check the URL, that PostgreSQL is running there and that the user may log in", ex);
		}
	}

	private ConfitureException failure(String action, SQLException ex) {
		return new ConfitureException(Category.DATABASE,
				"Could not " + action + " the coordination tables in " + this.description + ": " + ex.getMessage()
						+ ((ex.getSQLState() != null) ? " (SQLSTATE " + ex.getSQLState() + ")" : ""),
				"Check that the user may use the confiture schema of the coordination database", ex);
	}

	@FunctionalInterface
	private interface Work<T> {

		T run(Connection connection) throws SQLException;

	}

}
