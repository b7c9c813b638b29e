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

import dev.confiture.core.coordinate.ConflictCheck;
import dev.confiture.core.coordinate.IntentRequest;
import dev.confiture.core.coordinate.ObjectKind;
import dev.confiture.core.coordinate.TouchedObject;

/**
 * {@code confiture coordinate check}: finds conflicts of planned work without registering it.
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
			Map<String, Object> document = CoordinationJson.document();
			document.put("agentId", check.agentId());
			document.put("featureName", this.featureName);
			document.put("conflictsDetected", check.hasConflicts());
			document.put("conflicts", CoordinationJson.conflicts(check.conflicts()));
			document.put("touches", CoordinationJson.touches(check.touches()));
			document.put("unrecognised", CoordinationJson.unrecognised(check.unrecognised()));
			Json.write(out, document);
		}
		else {
			if (check.hasConflicts()) {
				int count = check.conflicts().size();
				out.println(CoordinationText.WARNING
						+ ((count == 1) ? "Conflict detected!" : String.format(Locale.ROOT, "%d conflicts detected!", count)));
				CoordinationText.conflicts(out, check.conflicts());
			}
			else {
				List<TouchedObject> known = check.touches()
					.stream()
					.filter((object) -> object.kind() != ObjectKind.UNKNOWN)
					.toList();
				List<String> tables = known.stream()
					.filter((object) -> object.kind() == ObjectKind.TABLE)
					.map(TouchedObject::name)
					.toList();
				String checked = !tables.isEmpty() ? CoordinationText.quotedList(tables)
						: String.join(", ", known.stream()
							.map((object) -> object.kind().value() + " '" + CoordinationText.clean(object.name()) + "'")
							.toList());
				out.println(CoordinationText.OK + (known.isEmpty() ? "No conflicts (nothing to check)"
						: "No conflicts: no other agent is working on " + checked));
			}
			CoordinationText.unrecognised(out, check.unrecognised());
			out.flush();
		}
		return check.hasConflicts() ? CoordinateCommand.CONFLICTS_FOUND : ExitCodes.OK;
	}

}
