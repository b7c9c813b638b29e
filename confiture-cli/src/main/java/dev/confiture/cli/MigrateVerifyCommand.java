package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import dev.confiture.cli.MigrateDiffDocuments.HazardDocument;
import dev.confiture.core.Confiture;
import dev.confiture.core.verify.DriftReport;
import dev.confiture.core.verify.VerifyOptions;

/**
 * {@code confiture migrate verify}: drift between the environment's live database and a
 * fresh build of its schema files.
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

	@Mixin
	FleetCliOptions fleet;

	@Override
	public Integer call() {
		Confiture confiture = this.shadow.configure(this.environment).load();
		if (this.fleet.active()) {
			return this.fleet.run(dev.confiture.core.tenant.FleetAction.VERIFY, confiture, this.output, null, null,
					null);
		}
		DriftReport report = confiture.verify(VerifyOptions.defaults());
		PrintWriter out = this.spec.commandLine().getOut();
		String name = confiture.environment().name();
		if (this.output.json()) {
			Json.write(out,
					new VerifyDocument(true, name, confiture.database().toString(), report.drifted(),
							report.differences(), MigrateDiffDocuments.hazards(report.plan().hazards()),
							report.plan().script(List.of())));
		}
		else {
			report.lines(name, confiture.database().toString()).forEach(out::println);
			if (report.drifted()) {
				out.println("Write a migration for it (confiture migrate diff --from-env " + name
						+ " db/schema --generate --name NAME) or fix db/schema.");
			}
		}
		out.flush();
		return report.drifted() ? 1 : ExitCodes.OK;
	}

	/** The document of {@code migrate verify}. */
	record VerifyDocument(boolean ok, String environment, String database, boolean drift, List<String> differences,
			List<HazardDocument> hazards, String fix) {

	}

}
