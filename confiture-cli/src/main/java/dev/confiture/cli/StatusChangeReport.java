package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.confiture.core.coordinate.Conflict;
import dev.confiture.core.coordinate.CoordinationDocuments;
import dev.confiture.core.coordinate.CoordinationDocuments.IntentDocument;
import dev.confiture.core.coordinate.CoordinationRegistry;
import dev.confiture.core.coordinate.Intent;
import dev.confiture.core.coordinate.IntentStatus;
import dev.confiture.core.coordinate.StatusChange;

/**
 * What {@code coordinate start}, {@code complete} and {@code abandon} print.
 */
final class StatusChangeReport {

	private StatusChangeReport() {
	}

	static int print(PrintWriter out, StatusChange change, boolean json, int openConflicts) {
		Intent intent = change.intent();
		if (json) {
			Json.write(out,
					new StatusChangeDocument(true, CoordinationDocuments.intent(intent),
							change.previousStatus().value(), change.resolvedConflicts(), change.releasedIntents(),
							openConflicts));
			return ExitCodes.OK;
		}
		out.println(CoordinationText.OK + "Intent " + intent.id() + " marked as "
				+ CoordinationText.status(intent.status()));
		if (!intent.status().isActive()) {
			if (intent.reason() != null && intent.status() == IntentStatus.ABANDONED) {
				out.println("Reason: " + CoordinationText.clean(intent.reason()));
			}
			List<String> tables = intent.tables();
			if (!tables.isEmpty()) {
				out.println("No longer blocking other agents from " + CoordinationText.quotedList(tables)
						+ ((tables.size() == 1) ? " table" : " tables"));
			}
			for (String released : change.releasedIntents()) {
				out.println("Intent " + released + " has no open conflict left: REGISTERED");
			}
		}
		else if (openConflicts > 0) {
			out.println(CoordinationText.WARNING + openConflicts + " open conflict" + ((openConflicts == 1) ? "" : "s")
					+ " remain (confiture coordinate conflicts --intent-id " + intent.id() + ")");
		}
		out.flush();
		return ExitCodes.OK;
	}

	static int openConflicts(CoordinationRegistry registry, String intentId) {
		return (int) registry.conflicts(intentId).stream().filter(Conflict::isOpen).count();
	}

	/**
	 * The document of {@code coordinate start}, {@code complete} and {@code abandon}.
	 */
	record StatusChangeDocument(boolean ok, IntentDocument intent, String previousStatus, int resolvedConflicts,
			List<String> releasedIntents, int openConflicts) {

	}

}
