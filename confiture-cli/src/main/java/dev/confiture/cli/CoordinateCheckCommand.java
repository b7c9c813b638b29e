package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.confiture.core.coordinate.ConflictCheck;
import dev.confiture.core.coordinate.CoordinationDocuments.ConflictCheckDocument;
import dev.confiture.core.coordinate.IntentRequest;

/**
 * {@code confiture coordinate check}: finds conflicts of planned work without registering
 * it.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
		description = { "Check planned work against other agents' active intents; records nothing.",
				"Exits with 1 when a conflict is found, so CI can gate a pull request on it." })
class CoordinateCheckCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	CoordinationOptions database;

	@Mixin
	PlannedChangeOptions planned;

	@Mixin
	OutputOptions output;

	@Option(names = "--agent-id", required = true, paramLabel = "AGENT",
			description = "Who plans the change; that agent's own intents never conflict.")
	String agentId;

	@Option(names = "--feature-name", paramLabel = "NAME", description = "The feature (shown only).")
	String featureName;

	@Override
	public Integer call() {
		PrintWriter out = this.spec.commandLine().getOut();
		IntentRequest request = new IntentRequest(this.agentId, this.featureName, this.planned.tables(),
				this.planned.ddl(), null, null, null);
		ConflictCheck check = this.database.registry().check(request);
		if (this.output.json()) {
			Json.write(out, ConflictCheckDocument.of(true, check, this.featureName));
		}
		else {
			CoordinationText.TEXTS.check(check).forEach(out::println);
			out.flush();
		}
		return check.hasConflicts() ? CoordinateCommand.CONFLICTS_FOUND : ExitCodes.OK;
	}

}
