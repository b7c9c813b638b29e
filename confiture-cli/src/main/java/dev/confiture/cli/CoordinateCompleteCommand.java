package dev.confiture.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.confiture.core.coordinate.StatusChange;

/**
 * {@code confiture coordinate complete}: marks an intent as completed, freeing its
 * objects.
 */
@Command(name = "complete", mixinStandardHelpOptions = true, description = {
		"Mark an intent as COMPLETED: it no longer conflicts with anyone and its open conflicts are", "resolved." })
class CoordinateCompleteCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	CoordinationOptions database;

	@Mixin
	OutputOptions output;

	@Option(names = "--intent-id", required = true, paramLabel = "ID", description = "The intent.")
	String intentId;

	@Option(names = "--outcome", defaultValue = "success", paramLabel = "OUTCOME",
			description = "How it ended, e.g. success, merged, partial (default: success).")
	String outcome;

	@Option(names = "--notes", paramLabel = "TEXT", description = "Recorded in the intent's history.")
	String notes;

	@Option(names = "--agent-id", paramLabel = "AGENT", description = "Who completes it, for the history.")
	String agentId;

	@Override
	public Integer call() {
		StatusChange change = this.database.registry().complete(this.intentId, this.outcome, this.notes, this.agentId);
		return StatusChangeReport.print(this.spec.commandLine().getOut(), change, this.output.json(), 0);
	}

}
