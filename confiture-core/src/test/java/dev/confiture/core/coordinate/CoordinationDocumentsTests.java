package dev.confiture.core.coordinate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import dev.confiture.core.coordinate.CoordinationDocuments.ActiveIntentsDocument;
import dev.confiture.core.coordinate.CoordinationDocuments.ConflictCheckDocument;
import dev.confiture.core.coordinate.CoordinationDocuments.IntentDetailDocument;
import dev.confiture.core.coordinate.CoordinationDocuments.IntentListDocument;
import dev.confiture.core.coordinate.CoordinationDocuments.OpenConflictsDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON every adapter writes for coordination: keys in order, enum values in lower
 * case, times as ISO-8601 strings, absent values as {@code null}.
 */
class CoordinationDocumentsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Instant CREATED = Instant.parse("2026-11-30T10:15:30Z");

	private static final Intent INTENT = new Intent("int_0123456789ab", "alice", "Email Index",
			"feature/email_index_001", IntentStatus.REGISTERED, RiskLevel.LOW, List.of("users"),
			"CREATE INDEX i ON users (email);", List.of(new TouchedObject(ObjectKind.INDEX, "i")),
			new BigDecimal("1.5"), null, null, null, CREATED, CREATED);

	private static final String INTENT_JSON = "{\"id\":\"int_0123456789ab\",\"agentId\":\"alice\","
			+ "\"featureName\":\"Email Index\",\"branchName\":\"feature/email_index_001\",\"status\":\"registered\","
			+ "\"riskLevel\":\"low\",\"tablesAffected\":[\"users\"],\"schemaChanges\":\"CREATE INDEX i ON users (email);\","
			+ "\"touches\":[{\"kind\":\"index\",\"name\":\"i\"}],\"estimatedHours\":1.5,\"notes\":null,\"outcome\":null,"
			+ "\"reason\":null,\"createdAt\":\"2026-11-30T10:15:30Z\",\"updatedAt\":\"2026-11-30T10:15:30Z\"}";

	private static final Conflict CONFLICT = new Conflict(7L, "int_0123456789ab", "alice", "int_ba9876543210", "bob",
			ObjectKind.TABLE, "users", Severity.WARNING, "Agree on an order", CREATED, null);

	private static final String CONFLICT_JSON = "{\"id\":7,\"intentId\":\"int_0123456789ab\",\"agentId\":\"alice\","
			+ "\"otherIntentId\":\"int_ba9876543210\",\"otherAgentId\":\"bob\",\"kind\":\"table\",\"object\":\"users\","
			+ "\"severity\":\"warning\",\"suggestion\":\"Agree on an order\",\"createdAt\":\"2026-11-30T10:15:30Z\","
			+ "\"resolvedAt\":null}";

	@Test
	void activeIntents() {
		assertThat(json.writeValueAsString(ActiveIntentsDocument.of(List.of(INTENT), 2)))
			.isEqualTo("{\"ok\":true,\"total\":1,\"openConflicts\":2,\"intents\":[" + INTENT_JSON + "]}");
	}

	@Test
	void intentDetail() {
		HistoryEntry entry = new HistoryEntry(INTENT.id(), null, IntentStatus.REGISTERED, "registered", "alice",
				CREATED);
		assertThat(json.writeValueAsString(IntentDetailDocument.of(INTENT, List.of(CONFLICT), List.of(entry))))
			.isEqualTo("{\"ok\":true,\"intent\":" + INTENT_JSON + ",\"conflicts\":[" + CONFLICT_JSON
					+ "],\"history\":[{\"oldStatus\":null,\"newStatus\":\"registered\",\"reason\":\"registered\","
					+ "\"changedBy\":\"alice\",\"changedAt\":\"2026-11-30T10:15:30Z\"}]}");
	}

	@Test
	void intentList() {
		assertThat(json.writeValueAsString(IntentListDocument.of(List.of())))
			.isEqualTo("{\"ok\":true,\"total\":0,\"intents\":[]}");
	}

	@Test
	void openConflicts() {
		assertThat(json.writeValueAsString(OpenConflictsDocument.of(false, List.of(CONFLICT))))
			.isEqualTo("{\"ok\":false,\"total\":1,\"conflicts\":[" + CONFLICT_JSON + "]}");
	}

	@Test
	void conflictCheck() {
		ConflictCheck check = new ConflictCheck("bob", List.of(new TouchedObject(ObjectKind.TABLE, "users")),
				List.of(CONFLICT), List.of(new UnrecognisedStatement(3, "VACUUM users", "not DDL")));
		assertThat(json.writeValueAsString(ConflictCheckDocument.of(true, check, null)))
			.isEqualTo("{\"ok\":true,\"agentId\":\"bob\",\"featureName\":null,\"conflictsDetected\":true,"
					+ "\"conflicts\":[" + CONFLICT_JSON + "],\"touches\":[{\"kind\":\"table\",\"name\":\"users\"}],"
					+ "\"unrecognised\":[{\"line\":3,\"statement\":\"VACUUM users\",\"reason\":\"not DDL\"}]}");
	}

}
