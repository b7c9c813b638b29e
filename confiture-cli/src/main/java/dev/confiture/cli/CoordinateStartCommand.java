package dev.confiture.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.confiture.core.coordinate.CoordinationRegistry;
import dev.confiture.core.coordinate.StatusChange;

/**
 * {@code confiture coordinate start}: marks an intent as in progress.
 */
@Command(name = "start", mixinStandardHelpOptions = true,
		description = "Mark a registered (or conflicted) intent as IN_PROGRESS.")
class CoordinateStartCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	CoordinationOptions database;

	@Mixin
	OutputOptions output;

	@Option(names = "--intent-id", required = true, paramLabel = "ID", description = "The intent.")
	String intentId;

	@Option(names = "--notes", paramLabel = "TEXT", description = "Recorded in the intent's history.")
	String notes;

	@Option(names = "--agent-id", paramLabel = "AGENT", description = "Who starts it, for the history.")
	String agentId;

	@Override
	public Integer call() {
		CoordinationRegistry registry = this.database.registry();
		StatusChange change = registry.start(this.intentId, this.notes, this.agentId);
		return StatusChangeReport.print(this.spec.commandLine().getOut(), change, this.output.json(),
				StatusChangeReport.openConflicts(registry, this.intentId));
	}

}
