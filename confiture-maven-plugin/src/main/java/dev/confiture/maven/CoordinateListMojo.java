package dev.confiture.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.confiture.core.coordinate.CoordinationDocuments.IntentListDocument;
import dev.confiture.core.coordinate.Intent;
import dev.confiture.core.coordinate.IntentStatus;

/**
 * Every intent, oldest first, completed and abandoned ones included, as
 * {@code confiture coordinate list}. Read-only.
 */
@Mojo(name = "coordinate-list", threadSafe = true, requiresProject = false)
public class CoordinateListMojo extends AbstractCoordinationMojo {

	/** Only this agent's intents. */
	@Parameter(property = "confiture.agentId")
	String agentId;

	/**
	 * Only intents in this status: registered, in_progress, completed, abandoned or
	 * conflicted.
	 */
	@Parameter(property = "confiture.status")
	String status;

	@Override
	String goal() {
		return "coordinate-list";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		IntentStatus wanted = Parameters.isSet(this.status) ? IntentStatus.of(this.status) : null;
		List<Intent> intents = registry().intents()
			.stream()
			.filter((intent) -> this.agentId == null || intent.agentId().equals(this.agentId))
			.filter((intent) -> wanted == null || intent.status() == wanted)
			.toList();
		output.info(intents.isEmpty() ? "No intents" : TEXTS.listTable(intents));
		reports.writeDocument(IntentListDocument.of(intents));
	}

}
