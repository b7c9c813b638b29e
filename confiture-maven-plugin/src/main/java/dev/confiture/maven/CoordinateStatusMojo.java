package dev.confiture.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.coordinate.Conflict;
import dev.confiture.core.coordinate.CoordinationDocuments.ActiveIntentsDocument;
import dev.confiture.core.coordinate.CoordinationDocuments.IntentDetailDocument;
import dev.confiture.core.coordinate.CoordinationRegistry;
import dev.confiture.core.coordinate.CoordinationTexts;
import dev.confiture.core.coordinate.HistoryEntry;
import dev.confiture.core.coordinate.Intent;

/**
 * The active intents of agents (registered, in progress, conflicted), or one intent with
 * its history, as {@code confiture coordinate status}. Read-only.
 */
@Mojo(name = "coordinate-status", threadSafe = true, requiresProject = false)
public class CoordinateStatusMojo extends AbstractCoordinationMojo {

	/** Shows this intent, its conflicts and its history. */
	@Parameter(property = "confiture.intentId")
	String intentId;

	/** Only this agent's intents. */
	@Parameter(property = "confiture.agentId")
	String agentId;

	@Override
	String goal() {
		return "coordinate-status";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		CoordinationRegistry registry = registry();
		if (Parameters.isSet(this.intentId)) {
			intent(output, reports, registry);
			return;
		}
		List<Intent> intents = registry.activeIntents()
			.stream()
			.filter((intent) -> this.agentId == null || intent.agentId().equals(this.agentId))
			.toList();
		long conflicts = registry.openConflicts().size();
		if (intents.isEmpty()) {
			output.info("No active intents"
					+ ((this.agentId != null) ? " of " + CoordinationTexts.clean(this.agentId) : ""));
		}
		else {
			output.info(TEXTS.statusTable(intents));
			output.info(CoordinationTexts.summary(intents.size(), conflicts)
					+ ((conflicts > 0) ? " (./mvnw confiture:coordinate-conflicts)" : ""));
		}
		reports.writeDocument(ActiveIntentsDocument.of(intents, conflicts));
	}

	private void intent(MavenOutput output, Reports reports, CoordinationRegistry registry) {
		Intent intent = registry.intent(this.intentId)
			.orElseThrow(() -> new ConfitureException(Category.CONFIG,
					"No intent '" + this.intentId + "' in the coordination database " + registry.description(),
					"List the intents with: ./mvnw confiture:coordinate-list"));
		List<Conflict> conflicts = registry.conflicts(intent.id());
		List<HistoryEntry> history = registry.history(intent.id());
		output.info(String.join("\n", CoordinationTexts.intent(intent, conflicts, history)));
		reports.writeDocument(IntentDetailDocument.of(intent, conflicts, history));
	}

}
