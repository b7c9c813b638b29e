package dev.confiture.maven;

import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.confiture.core.coordinate.Conflict;
import dev.confiture.core.coordinate.CoordinationDocuments.OpenConflictsDocument;

/**
 * The open conflicts between active intents, as {@code confiture coordinate conflicts}.
 * Read-only; an open conflict fails the build unless {@code failOnConflict} is false.
 */
@Mojo(name = "coordinate-conflicts", threadSafe = true, requiresProject = false)
public class CoordinateConflictsMojo extends AbstractCoordinationMojo {

	/** Only the conflicts of this intent. */
	@Parameter(property = "confiture.intentId")
	String intentId;

	/** Only the conflicts that involve this agent. */
	@Parameter(property = "confiture.agentId")
	String agentId;

	/** Fails the build when there is an open conflict. */
	@Parameter(property = "confiture.failOnConflict", defaultValue = "true")
	boolean failOnConflict;

	@Override
	String goal() {
		return "coordinate-conflicts";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		List<Conflict> conflicts = registry().openConflicts()
			.stream()
			.filter((conflict) -> this.intentId == null || this.intentId.equals(conflict.intentId())
					|| this.intentId.equals(conflict.otherIntentId()))
			.filter((conflict) -> this.agentId == null || this.agentId.equals(conflict.agentId())
					|| this.agentId.equals(conflict.otherAgentId()))
			.toList();
		String text = String.join("\n", TEXTS.openConflicts(conflicts));
		reports.writeDocument(OpenConflictsDocument.of(conflicts.isEmpty(), conflicts));
		if (conflicts.isEmpty()) {
			output.info(text);
			return;
		}
		output.warn(text);
		if (this.failOnConflict) {
			throw Failures.of(conflicts.size() + " open conflict(s) between active intents",
					"Agree on an order with the other agent, then complete or abandon one intent");
		}
	}

}
