package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

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
 * {@code confiture coordinate status}: the active intents, or one intent in detail.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Show the active intents (registered, in progress, conflicted), or one intent with its history.")
class CoordinateStatusCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	CoordinationOptions database;

	@Mixin
	OutputOptions output;

	@Option(names = "--intent-id", paramLabel = "ID", description = "Show this intent, its conflicts and its history.")
	String intentId;

	@Option(names = "--agent-id", paramLabel = "AGENT", description = "Only this agent's intents.")
	String agentId;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		CoordinationRegistry registry = this.database.registry();
		if (this.intentId != null) {
			return intent(out, registry);
		}
		List<Intent> intents = registry.activeIntents()
			.stream()
			.filter((intent) -> this.agentId == null || intent.agentId().equals(this.agentId))
			.toList();
		long conflicts = registry.openConflicts().size();
		if (this.output.json()) {
			Json.write(out, ActiveIntentsDocument.of(intents, conflicts));
			return ExitCodes.OK;
		}
		if (intents.isEmpty()) {
			out.println("No active intents"
					+ ((this.agentId != null) ? " of " + CoordinationText.clean(this.agentId) : ""));
		}
		else {
			out.print(CoordinationText.TEXTS.statusTable(intents));
			out.println(CoordinationTexts.summary(intents.size(), conflicts)
					+ ((conflicts > 0) ? " (confiture coordinate conflicts)" : ""));
		}
		out.flush();
		return ExitCodes.OK;
	}

	private int intent(PrintWriter out, CoordinationRegistry registry) {
		Intent intent = registry.intent(this.intentId)
			.orElseThrow(() -> new ConfitureException(Category.CONFIG,
					"No intent '" + this.intentId + "' in the coordination database " + registry.description(),
					"List the intents with: confiture coordinate list"));
		List<Conflict> conflicts = registry.conflicts(intent.id());
		List<HistoryEntry> history = registry.history(intent.id());
		if (this.output.json()) {
			Json.write(out, IntentDetailDocument.of(intent, conflicts, history));
			return ExitCodes.OK;
		}
		CoordinationTexts.intent(intent, conflicts, history).forEach(out::println);
		out.flush();
		return ExitCodes.OK;
	}

}
