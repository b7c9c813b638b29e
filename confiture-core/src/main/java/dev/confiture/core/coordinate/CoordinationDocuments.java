package dev.confiture.core.coordinate;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of coordination reports, shared by every adapter: keys in camelCase,
 * enum values in lower case, times in ISO-8601 UTC.
 */
public final class CoordinationDocuments {

	private CoordinationDocuments() {
	}

	/** A new document: {@code {"ok": true}}, ordered. */
	public static Map<String, Object> document() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("ok", true);
		return document;
	}

	/** One intent. */
	public static Map<String, Object> intent(Intent intent) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", intent.id());
		json.put("agentId", intent.agentId());
		json.put("featureName", intent.featureName());
		json.put("branchName", intent.branchName());
		json.put("status", intent.status().value());
		json.put("riskLevel", intent.riskLevel().value());
		json.put("tablesAffected", intent.tablesAffected());
		json.put("schemaChanges", intent.schemaChanges());
		json.put("touches", touches(intent.touches()));
		json.put("estimatedHours", intent.estimatedHours());
		json.put("notes", intent.notes());
		json.put("outcome", intent.outcome());
		json.put("reason", intent.reason());
		json.put("createdAt", time(intent.createdAt()));
		json.put("updatedAt", time(intent.updatedAt()));
		return json;
	}

	/** Intents. */
	public static List<Map<String, Object>> intents(List<Intent> intents) {
		return intents.stream().map(CoordinationDocuments::intent).toList();
	}

	/** Conflicts. */
	public static List<Map<String, Object>> conflicts(List<Conflict> conflicts) {
		return conflicts.stream().map(CoordinationDocuments::conflict).toList();
	}

	/** One conflict. */
	public static Map<String, Object> conflict(Conflict conflict) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", conflict.id());
		json.put("intentId", conflict.intentId());
		json.put("agentId", conflict.agentId());
		json.put("otherIntentId", conflict.otherIntentId());
		json.put("otherAgentId", conflict.otherAgentId());
		json.put("kind", conflict.kind().value());
		json.put("object", conflict.object());
		json.put("severity", conflict.severity().value());
		json.put("suggestion", conflict.suggestion());
		json.put("createdAt", time(conflict.createdAt()));
		json.put("resolvedAt", time(conflict.resolvedAt()));
		return json;
	}

	/** Touched objects. */
	public static List<Map<String, Object>> touches(List<TouchedObject> objects) {
		return objects.stream().map((object) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("kind", object.kind().value());
			json.put("name", object.name());
			return json;
		}).toList();
	}

	/** Statements that were not recognised. */
	public static List<Map<String, Object>> unrecognised(List<UnrecognisedStatement> statements) {
		return statements.stream().map((statement) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("line", statement.line());
			json.put("statement", statement.statement());
			json.put("reason", statement.reason());
			return json;
		}).toList();
	}

	/** Status changes. */
	public static List<Map<String, Object>> history(List<HistoryEntry> history) {
		return history.stream().map((entry) -> {
			Map<String, Object> json = new LinkedHashMap<>();
			json.put("oldStatus", (entry.oldStatus() != null) ? entry.oldStatus().value() : null);
			json.put("newStatus", entry.newStatus().value());
			json.put("reason", entry.reason());
			json.put("changedBy", entry.changedBy());
			json.put("changedAt", time(entry.changedAt()));
			return json;
		}).toList();
	}

	private static String time(Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
