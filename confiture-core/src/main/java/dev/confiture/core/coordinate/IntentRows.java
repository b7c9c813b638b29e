package dev.confiture.core.coordinate;

import java.security.SecureRandom;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * The rows of the coordination tables: inserts, updates and queries of intents, conflicts
 * and history entries, each on the caller's connection and in its transaction. Every
 * value is bound as a parameter.
 */
final class IntentRows {

	private static final String INTENT_COLUMNS = "id, agent_id, feature_name, branch_name, status, risk_level, "
			+ "tables_affected, schema_changes, touches, estimated_hours, notes, outcome, reason, created_at, updated_at";

	private static final String CONFLICT_QUERY = "SELECT c.id, c.intent_id, i.agent_id, c.other_intent_id, "
			+ "o.agent_id AS other_agent_id, c.kind, c.object_name, c.severity, c.suggestion, c.created_at, c.resolved_at "
			+ "FROM " + CoordinationSchema.CONFLICTS + " c JOIN " + CoordinationSchema.INTENTS
			+ " i ON i.id = c.intent_id " + "JOIN " + CoordinationSchema.INTENTS + " o ON o.id = c.other_intent_id ";

	private static final SecureRandom random = new SecureRandom();

	private IntentRows() {
	}

	/**
	 * Resolves the open conflicts of an intent; returns the intents on their other side.
	 */
	static List<String> resolveConflicts(Connection connection, String intentId, String resolution)
			throws SQLException {
		List<String> involved = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + CoordinationSchema.CONFLICTS
				+ " SET resolved_at = clock_timestamp(), resolution = ? WHERE resolved_at IS NULL "
				+ "AND ? IN (intent_id, other_intent_id) RETURNING CASE WHEN intent_id = ? THEN other_intent_id ELSE intent_id END")) {
			statement.setString(1, resolution);
			statement.setString(2, intentId);
			statement.setString(3, intentId);
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					involved.add(row.getString(1));
				}
			}
		}
		return involved;
	}

	/** Conflicted intents with no open conflict left go back to registered. */
	static List<String> release(Connection connection, String intentId, List<String> involved, IntentStatus cause)
			throws SQLException {
		List<String> released = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("UPDATE " + CoordinationSchema.INTENTS
				+ " i SET status = 'registered', updated_at = clock_timestamp() WHERE i.status = 'conflicted' AND i.id = ANY (?) "
				+ "AND NOT EXISTS (SELECT 1 FROM " + CoordinationSchema.CONFLICTS
				+ " c WHERE c.intent_id = i.id AND c.resolved_at IS NULL) RETURNING i.id")) {
			statement.setArray(1, connection.createArrayOf("text", involved.toArray()));
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					released.add(row.getString(1));
				}
			}
		}
		released.sort(null);
		for (String id : released) {
			insertHistory(connection, id, IntentStatus.CONFLICTED, IntentStatus.REGISTERED,
					"no open conflict left: " + intentId + " " + cause.value(), "confiture");
		}
		return released;
	}

	static String newId(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT 1 FROM " + CoordinationSchema.INTENTS + " WHERE id = ?")) {
			for (;;) {
				byte[] bytes = new byte[6];
				random.nextBytes(bytes);
				String id = "int_" + HexFormat.of().formatHex(bytes);
				statement.setString(1, id);
				try (ResultSet row = statement.executeQuery()) {
					if (!row.next()) {
						return id;
					}
				}
			}
		}
	}

	static void insertIntent(Connection connection, String id, IntentRequest request, Recognition recognition,
			IntentStatus status, String branch) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + CoordinationSchema.INTENTS
				+ " (id, agent_id, feature_name, branch_name, status, risk_level, tables_affected, schema_changes, touches, "
				+ "estimated_hours, notes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
			statement.setString(1, id);
			statement.setString(2, request.agentId());
			statement.setString(3, request.featureName());
			statement.setString(4, branch);
			statement.setString(5, status.value());
			statement.setString(6, request.riskLevel().value());
			statement.setArray(7, connection.createArrayOf("text", request.tablesAffected().toArray()));
			statement.setString(8, (request.schemaChanges() != null) ? request.schemaChanges() : "");
			statement.setArray(9, connection.createArrayOf("text",
					recognition.objects().stream().map(TouchedObject::encode).toArray()));
			if (request.estimatedHours() != null) {
				statement.setBigDecimal(10, request.estimatedHours());
			}
			else {
				statement.setNull(10, Types.NUMERIC);
			}
			statement.setString(11, request.notes());
			statement.executeUpdate();
		}
	}

	static Conflict insertConflict(Connection connection, Conflict conflict) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + CoordinationSchema.CONFLICTS
				+ " (intent_id, other_intent_id, kind, object_name, severity, suggestion) VALUES (?, ?, ?, ?, ?, ?) "
				+ "RETURNING id, created_at")) {
			statement.setString(1, conflict.intentId());
			statement.setString(2, conflict.otherIntentId());
			statement.setString(3, conflict.kind().value());
			statement.setString(4, conflict.object());
			statement.setString(5, conflict.severity().value());
			statement.setString(6, conflict.suggestion());
			try (ResultSet row = statement.executeQuery()) {
				row.next();
				return new Conflict(row.getLong("id"), conflict.intentId(), conflict.agentId(),
						conflict.otherIntentId(), conflict.otherAgentId(), conflict.kind(), conflict.object(),
						conflict.severity(), conflict.suggestion(), instant(row, "created_at"), null);
			}
		}
	}

	static void insertHistory(Connection connection, String intentId, IntentStatus old, IntentStatus status,
			String reason, String changedBy) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("INSERT INTO " + CoordinationSchema.HISTORY
				+ " (intent_id, old_status, new_status, reason, changed_by) VALUES (?, ?, ?, ?, ?)")) {
			statement.setString(1, intentId);
			statement.setString(2, (old != null) ? old.value() : null);
			statement.setString(3, status.value());
			statement.setString(4, reason);
			statement.setString(5, changedBy);
			statement.executeUpdate();
		}
	}

	static Intent find(Connection connection, String intentId) throws SQLException {
		try (PreparedStatement statement = connection
			.prepareStatement("SELECT " + INTENT_COLUMNS + " FROM " + CoordinationSchema.INTENTS + " WHERE id = ?")) {
			statement.setString(1, intentId);
			try (ResultSet row = statement.executeQuery()) {
				return row.next() ? intent(row) : null;
			}
		}
	}

	static List<Intent> queryIntents(Connection connection, String where) throws SQLException {
		List<Intent> intents = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement("SELECT " + INTENT_COLUMNS + " FROM "
				+ CoordinationSchema.INTENTS + " " + where + " ORDER BY created_at, id");
				ResultSet row = statement.executeQuery()) {
			while (row.next()) {
				intents.add(intent(row));
			}
		}
		return intents;
	}

	static List<Conflict> queryConflicts(Connection connection, String where, String parameter) throws SQLException {
		List<Conflict> conflicts = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(CONFLICT_QUERY + where + " ORDER BY c.id")) {
			if (parameter != null) {
				statement.setString(1, parameter);
			}
			try (ResultSet row = statement.executeQuery()) {
				while (row.next()) {
					long id = row.getLong("id");
					conflicts.add(new Conflict(id, row.getString("intent_id"), row.getString("agent_id"),
							row.getString("other_intent_id"), row.getString("other_agent_id"),
							ObjectKind.of(row.getString("kind")), row.getString("object_name"),
							Severity.of(row.getString("severity")), row.getString("suggestion"),
							instant(row, "created_at"), instant(row, "resolved_at")));
				}
			}
		}
		return conflicts;
	}

	private static Intent intent(ResultSet row) throws SQLException {
		return new Intent(row.getString("id"), row.getString("agent_id"), row.getString("feature_name"),
				row.getString("branch_name"), IntentStatus.of(row.getString("status")),
				RiskLevel.of(row.getString("risk_level")), strings(row.getArray("tables_affected")),
				row.getString("schema_changes"),
				strings(row.getArray("touches")).stream().map(TouchedObject::decode).toList(),
				row.getBigDecimal("estimated_hours"), row.getString("notes"), row.getString("outcome"),
				row.getString("reason"), instant(row, "created_at"), instant(row, "updated_at"));
	}

	private static List<String> strings(Array array) throws SQLException {
		return (array != null) ? Arrays.asList((String[]) array.getArray()) : List.of();
	}

	static Instant instant(ResultSet row, String column) throws SQLException {
		OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
