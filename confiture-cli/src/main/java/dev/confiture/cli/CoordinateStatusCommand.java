package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.coordinate.Conflict;
import dev.confiture.core.coordinate.CoordinationRegistry;
import dev.confiture.core.coordinate.HistoryEntry;
import dev.confiture.core.coordinate.Intent;
import dev.confiture.core.coordinate.TouchedObject;

/**
 * {@code confiture coordinate status}: the active intents, or one intent in detail.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
		description = "Show the active intents (registered, in progress, conflicted), or one intent with its history.")
class CoordinateStatusCommand implements Callable<Integer> {

	static final List<String> HEADERS = List.of("Intent ID", "Agent", "Feature", "Status");

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
			Map<String, Object> document = CoordinationJson.document();
			document.put("total", intents.size());
			document.put("openConflicts", conflicts);
			document.put("intents", CoordinationJson.intents(intents));
			Json.write(out, document);
			return ExitCodes.OK;
		}
		if (intents.isEmpty()) {
			out.println("No active intents" + ((this.agentId != null) ? " of " + CoordinationText.clean(this.agentId) : ""));
		}
		else {
			out.print(IntentTable.render(HEADERS, intents.stream()
				.map((intent) -> List.of(intent.id(), intent.agentId(), intent.featureName(),
						CoordinationText.status(intent.status())))
				.toList(), CoordinationText.UNICODE));
			out.printf(Locale.ROOT, "%d active intent%s, %d open conflict%s%s%n", intents.size(),
					(intents.size() == 1) ? "" : "s", conflicts, (conflicts == 1) ? "" : "s",
					(conflicts > 0) ? " (confiture coordinate conflicts)" : "");
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
			Map<String, Object> document = CoordinationJson.document();
			document.put("intent", CoordinationJson.intent(intent));
			document.put("conflicts", CoordinationJson.conflicts(conflicts));
			document.put("history", CoordinationJson.history(history));
			Json.write(out, document);
			return ExitCodes.OK;
		}
		out.println("Intent " + intent.id());
		field(out, "Agent", intent.agentId());
		field(out, "Feature", intent.featureName());
		field(out, "Branch", intent.branchName());
		field(out, "Status", CoordinationText.status(intent.status()));
		field(out, "Risk", intent.riskLevel().value());
		field(out, "Tables", String.join(", ", intent.tables()));
		field(out, "Touches", String.join(", ", intent.touches().stream().map(TouchedObject::toString).toList()));
		if (intent.estimatedHours() != null) {
			field(out, "Estimate", intent.estimatedHours().toPlainString() + " h");
		}
		field(out, "Notes", intent.notes());
		field(out, "Outcome", intent.outcome());
		field(out, "Reason", intent.reason());
		field(out, "Created", intent.createdAt().toString());
		field(out, "Updated", intent.updatedAt().toString());
		out.println("History:");
		for (HistoryEntry entry : history) {
			out.println("  " + entry.changedAt() + "  " + ((entry.oldStatus() != null)
					? CoordinationText.status(entry.oldStatus()) + " -> " : "") + CoordinationText.status(entry.newStatus())
					+ ((entry.changedBy() != null) ? " by " + CoordinationText.clean(entry.changedBy()) : "")
					+ ((entry.reason() != null) ? ": " + CoordinationText.clean(entry.reason()) : ""));
		}
		List<Conflict> open = conflicts.stream().filter(Conflict::isOpen).toList();
		if (!open.isEmpty()) {
			out.println("Open conflicts:");
			open.forEach((conflict) -> out.println("  - " + CoordinateConflictsCommand.describe(conflict)));
		}
		out.flush();
		return ExitCodes.OK;
	}

	private static void field(PrintWriter out, String name, String value) {
		if (value != null && !value.isEmpty()) {
			out.printf(Locale.ROOT, "  %-9s %s%n", name + ":", CoordinationText.clean(value));
		}
	}

}
