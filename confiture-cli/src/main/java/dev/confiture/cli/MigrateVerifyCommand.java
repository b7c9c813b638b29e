package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import dev.confiture.core.Confiture;
import dev.confiture.core.verify.DriftReport;
import dev.confiture.core.verify.VerifyOptions;

/**
 * {@code confiture migrate verify}: drift between the environment's live database and a fresh
 * build of its schema files.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
		description = { "Compare the environment's database with a fresh build of its schema files (in a "
				+ "throw-away database) and name every difference.", "Exit code: 0 no drift, 1 drift." })
class MigrateVerifyCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Mixin
	ShadowServerOptions shadow;

	@Override
	public Integer call() {
		Confiture confiture = this.shadow.configure(this.environment).load();
		DriftReport report = confiture.verify(VerifyOptions.defaults());
		PrintWriter out = this.spec.commandLine().getOut();
		String name = confiture.environment().name();
		if (this.output.json()) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("ok", true);
			document.put("environment", name);
			document.put("database", confiture.database().toString());
			document.put("drift", report.drifted());
			document.put("differences", report.differences());
			document.put("hazards", MigrateDiffCommand.hazards(report.plan().hazards()));
			document.put("fix", report.plan().script(List.of()));
			Json.write(out, document);
		}
		else if (!report.drifted()) {
			out.println("No drift: the database of environment " + name + " matches its schema files.");
		}
		else {
			out.println("Drift: the database of environment " + name + " (" + confiture.database()
					+ ") differs from its schema files in " + report.differences().size()
					+ (report.differences().size() == 1 ? " way" : " ways")
					+ ". To match the schema files it would need to:");
			report.differences().forEach((difference) -> out.println("  " + difference));
			out.println("Write a migration for it (confiture migrate diff --from-env " + name
					+ " db/schema --generate --name NAME) or fix db/schema.");
		}
		out.flush();
		return report.drifted() ? 1 : ExitCodes.OK;
	}

}
