package dev.confiture.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.confiture.core.coordinate.CoordinationDocuments;
import dev.confiture.core.coordinate.CoordinationDocuments.IntentDocument;
import dev.confiture.core.coordinate.Intent;

/**
 * The JSON shapes of {@code confiture coordinate --format json} that
 * {@link StatusChangeReport} still builds as a map; the other commands write core's
 * {@link CoordinationDocuments} records directly.
 */
final class CoordinationJson {

	private CoordinationJson() {
	}

	static Map<String, Object> document() {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("ok", true);
		return document;
	}

	static IntentDocument intent(Intent intent) {
		return CoordinationDocuments.intent(intent);
	}

}
