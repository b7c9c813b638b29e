package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.confiture.core.coordinate.Conflict;
import dev.confiture.core.coordinate.CoordinationDocuments.OpenConflictsDocument;
import dev.confiture.core.coordinate.CoordinationRegistry;

/**
 * {@code confiture coordinate conflicts}: the open conflicts between active intents.
 */
@Command(name = "conflicts", mixinStandardHelpOptions = true,
		description = { "List the open conflicts: both intents still active. Exits with 1 when there is one.",
				"A conflict is resolved when either intent is completed or abandoned." })
class CoordinateConflictsCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	CoordinationOptions database;

	@Mixin
	OutputOptions output;

	@Option(names = "--intent-id", paramLabel = "ID", description = "Only the conflicts of this intent.")
	String intentId;

	@Option(names = "--agent-id", paramLabel = "AGENT", description = "Only the conflicts that involve this agent.")
	String agentId;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		CoordinationRegistry registry = this.database.registry();
		List<Conflict> conflicts = registry.openConflicts()
			.stream()
			.filter((conflict) -> this.intentId == null || this.intentId.equals(conflict.intentId())
					|| this.intentId.equals(conflict.otherIntentId()))
			.filter((conflict) -> this.agentId == null || this.agentId.equals(conflict.agentId())
					|| this.agentId.equals(conflict.otherAgentId()))
			.toList();
		if (this.output.json()) {
			Json.write(out, OpenConflictsDocument.of(true, conflicts));
		}
		else {
			CoordinationText.TEXTS.openConflicts(conflicts).forEach(out::println);
		}
		out.flush();
		return conflicts.isEmpty() ? ExitCodes.OK : CoordinateCommand.CONFLICTS_FOUND;
	}

}
