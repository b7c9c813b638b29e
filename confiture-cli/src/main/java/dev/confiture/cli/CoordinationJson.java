package dev.confiture.cli;

import java.util.List;
import java.util.Map;

import dev.confiture.core.coordinate.Conflict;
import dev.confiture.core.coordinate.CoordinationDocuments;
import dev.confiture.core.coordinate.HistoryEntry;
import dev.confiture.core.coordinate.Intent;
import dev.confiture.core.coordinate.TouchedObject;
import dev.confiture.core.coordinate.UnrecognisedStatement;

/**
 * The JSON shapes of {@code confiture coordinate --format json}, as core's
 * {@link CoordinationDocuments} builds them.
 */
final class CoordinationJson {

	private CoordinationJson() {
	}

	static Map<String, Object> document() {
		return CoordinationDocuments.document();
	}

	static Map<String, Object> intent(Intent intent) {
		return CoordinationDocuments.intent(intent);
	}

	static List<Map<String, Object>> intents(List<Intent> intents) {
		return CoordinationDocuments.intents(intents);
	}

	static List<Map<String, Object>> conflicts(List<Conflict> conflicts) {
		return CoordinationDocuments.conflicts(conflicts);
	}

	static List<Map<String, Object>> touches(List<TouchedObject> objects) {
		return CoordinationDocuments.touches(objects);
	}

	static List<Map<String, Object>> unrecognised(List<UnrecognisedStatement> statements) {
		return CoordinationDocuments.unrecognised(statements);
	}

	static List<Map<String, Object>> history(List<HistoryEntry> history) {
		return CoordinationDocuments.history(history);
	}

}
