package dev.confiture.core.coordinate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The JSON shapes of coordination reports, shared by every adapter: records whose
 * components are the keys in order (camelCase), enum values in lower case, times in
 * ISO-8601 UTC.
 */
public final class CoordinationDocuments {

	private CoordinationDocuments() {
	}

	/** One intent. */
	public static IntentDocument intent(Intent intent) {
		return new IntentDocument(intent.id(), intent.agentId(), intent.featureName(), intent.branchName(),
				intent.status().value(), intent.riskLevel().value(), intent.tablesAffected(), intent.schemaChanges(),
				touches(intent.touches()), intent.estimatedHours(), intent.notes(), intent.outcome(), intent.reason(),
				time(intent.createdAt()), time(intent.updatedAt()));
	}

	/** Intents. */
	public static List<IntentDocument> intents(List<Intent> intents) {
		return intents.stream().map(CoordinationDocuments::intent).toList();
	}

	/** Conflicts. */
	public static List<ConflictDocument> conflicts(List<Conflict> conflicts) {
		return conflicts.stream().map(CoordinationDocuments::conflict).toList();
	}

	/** One conflict. */
	public static ConflictDocument conflict(Conflict conflict) {
		return new ConflictDocument(conflict.id(), conflict.intentId(), conflict.agentId(), conflict.otherIntentId(),
				conflict.otherAgentId(), conflict.kind().value(), conflict.object(), conflict.severity().value(),
				conflict.suggestion(), time(conflict.createdAt()), time(conflict.resolvedAt()));
	}

	/** Touched objects. */
	public static List<TouchedObjectDocument> touches(List<TouchedObject> objects) {
		return objects.stream()
			.map((object) -> new TouchedObjectDocument(object.kind().value(), object.name()))
			.toList();
	}

	/** Statements that were not recognised. */
	public static List<UnrecognisedStatementDocument> unrecognised(List<UnrecognisedStatement> statements) {
		return statements.stream()
			.map((statement) -> new UnrecognisedStatementDocument(statement.line(), statement.statement(),
					statement.reason()))
			.toList();
	}

	/** Status changes. */
	public static List<HistoryEntryDocument> history(List<HistoryEntry> history) {
		return history.stream()
			.map((entry) -> new HistoryEntryDocument((entry.oldStatus() != null) ? entry.oldStatus().value() : null,
					entry.newStatus().value(), entry.reason(), entry.changedBy(), time(entry.changedAt())))
			.toList();
	}

	private static String time(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

	/** One intent, as JSON. */
	public record IntentDocument(String id, String agentId, String featureName, String branchName, String status,
			String riskLevel, List<String> tablesAffected, String schemaChanges, List<TouchedObjectDocument> touches,
			BigDecimal estimatedHours, String notes, String outcome, String reason, String createdAt,
			String updatedAt) {

	}

	/** One conflict between two intents, as JSON. */
	public record ConflictDocument(Long id, String intentId, String agentId, String otherIntentId, String otherAgentId,
			String kind, String object, String severity, String suggestion, String createdAt, String resolvedAt) {

	}

	/** One object an intent touches, as JSON. */
	public record TouchedObjectDocument(String kind, String name) {

	}

	/** One statement of planned DDL that was not recognised, as JSON. */
	public record UnrecognisedStatementDocument(int line, String statement, String reason) {

	}

	/** One status change of an intent, as JSON. */
	public record HistoryEntryDocument(String oldStatus, String newStatus, String reason, String changedBy,
			String changedAt) {

	}

	/** The active intents ({@code coordinate status}). */
	public record ActiveIntentsDocument(boolean ok, int total, long openConflicts, List<IntentDocument> intents) {

		/** The document of these intents and this number of open conflicts. */
		public static ActiveIntentsDocument of(List<Intent> intents, long openConflicts) {
			return new ActiveIntentsDocument(true, intents.size(), openConflicts,
					CoordinationDocuments.intents(intents));
		}

	}

	/**
	 * One intent with its conflicts and history ({@code coordinate status} of one
	 * intent).
	 */
	public record IntentDetailDocument(boolean ok, IntentDocument intent, List<ConflictDocument> conflicts,
			List<HistoryEntryDocument> history) {

		/** The document of this intent. */
		public static IntentDetailDocument of(Intent intent, List<Conflict> conflicts, List<HistoryEntry> history) {
			return new IntentDetailDocument(true, CoordinationDocuments.intent(intent),
					CoordinationDocuments.conflicts(conflicts), CoordinationDocuments.history(history));
		}

	}

	/** Every intent ({@code coordinate list}). */
	public record IntentListDocument(boolean ok, int total, List<IntentDocument> intents) {

		/** The document of these intents. */
		public static IntentListDocument of(List<Intent> intents) {
			return new IntentListDocument(true, intents.size(), CoordinationDocuments.intents(intents));
		}

	}

	/** The open conflicts ({@code coordinate conflicts}). */
	public record OpenConflictsDocument(boolean ok, int total, List<ConflictDocument> conflicts) {

		/** The document of these conflicts, {@code ok} as given. */
		public static OpenConflictsDocument of(boolean ok, List<Conflict> conflicts) {
			return new OpenConflictsDocument(ok, conflicts.size(), CoordinationDocuments.conflicts(conflicts));
		}

	}

	/** The conflicts of planned work ({@code coordinate check}). */
	public record ConflictCheckDocument(boolean ok, String agentId, String featureName, boolean conflictsDetected,
			List<ConflictDocument> conflicts, List<TouchedObjectDocument> touches,
			List<UnrecognisedStatementDocument> unrecognised) {

		/** The document of this check of the named feature, {@code ok} as given. */
		public static ConflictCheckDocument of(boolean ok, ConflictCheck check, String featureName) {
			return new ConflictCheckDocument(ok, check.agentId(), featureName, check.hasConflicts(),
					CoordinationDocuments.conflicts(check.conflicts()), CoordinationDocuments.touches(check.touches()),
					CoordinationDocuments.unrecognised(check.unrecognised()));
		}

	}

}
