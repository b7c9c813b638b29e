package dev.confiture.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.confiture.core.coordinate.StatusChange;

/**
 * {@code confiture coordinate abandon}: marks an intent as abandoned, freeing its
 * objects.
 */
@Command(name = "abandon", mixinStandardHelpOptions = true, description = {
		"Mark an intent as ABANDONED: it no longer conflicts with anyone and its open conflicts are", "resolved." })
class CoordinateAbandonCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	CoordinationOptions database;

	@Mixin
	OutputOptions output;

	@Option(names = "--intent-id", required = true, paramLabel = "ID", description = "The intent.")
	String intentId;

	@Option(names = "--reason", paramLabel = "TEXT", description = "Why; stored with the intent and in its history.")
	String reason;

	@Option(names = "--agent-id", paramLabel = "AGENT", description = "Who abandons it, for the history.")
	String agentId;

	@Override
	public Integer call() {
		StatusChange change = this.database.registry().abandon(this.intentId, this.reason, this.agentId);
		return StatusChangeReport.print(this.spec.commandLine().getOut(), change, this.output.json(), 0);
	}

}
