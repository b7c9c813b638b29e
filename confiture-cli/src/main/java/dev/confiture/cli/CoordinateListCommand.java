package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.confiture.core.coordinate.CoordinationDocuments.IntentListDocument;
import dev.confiture.core.coordinate.Intent;
import dev.confiture.core.coordinate.IntentStatus;

/**
 * {@code confiture coordinate list}: every intent, finished ones included.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
		description = "List intents, oldest first, completed and abandoned ones included.")
class CoordinateListCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	CoordinationOptions database;

	@Mixin
	OutputOptions output;

	@Option(names = "--agent-id", paramLabel = "AGENT", description = "Only this agent's intents.")
	String agentId;

	@Option(names = "--status", paramLabel = "STATUS",
			description = "Only intents in this status: registered, in_progress, completed, abandoned or conflicted.")
	String status;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		IntentStatus wanted = (this.status != null) ? IntentStatus.of(this.status) : null;
		List<Intent> intents = this.database.registry()
			.intents()
			.stream()
			.filter((intent) -> this.agentId == null || intent.agentId().equals(this.agentId))
			.filter((intent) -> wanted == null || intent.status() == wanted)
			.toList();
		if (this.output.json()) {
			Json.write(out, IntentListDocument.of(intents));
			return ExitCodes.OK;
		}
		if (intents.isEmpty()) {
			out.println("No intents");
		}
		else {
			out.print(CoordinationText.TEXTS.listTable(intents));
		}
		out.flush();
		return ExitCodes.OK;
	}

}
