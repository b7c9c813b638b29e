package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import dev.confiture.core.migrate.MigrationRun;

/**
 * {@code confiture migrate down}: rolls back the newest applied migrations.
 */
@Command(name = "down", mixinStandardHelpOptions = true,
		description = { "Roll back the newest applied migrations (highest version first) with their .down.sql.",
				"Refused before anything changes (exit 8) if one of them has no down." })
class MigrateDownCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Mixin
	MigrationOptions migration;

	@Option(names = { "--steps", "-n" }, paramLabel = "N", defaultValue = "1",
			description = "How many migrations to roll back (default: 1).")
	int steps = 1;

	@Override
	public Integer call() {
		return print(this.spec, this.output, MigrationOptions.migrator(this.environment, this.migration,
				progress(this.spec, this.output)).down(this.steps));
	}

	static MigrationProgress progress(CommandSpec spec, OutputOptions output) {
		return new MigrationProgress(spec.commandLine().getOut(), spec.commandLine().getErr(), !output.json(), false);
	}

	static int print(CommandSpec spec, OutputOptions output, MigrationRun run) {
		PrintWriter out = spec.commandLine().getOut();
		if (output.json()) {
			Json.write(out, MigrationDocuments.run(run));
		}
		else if (!run.migrations().isEmpty()) {
			out.println();
			out.println("Successfully rolled back " + run.doneCount() + " migration(s) in "
					+ BuildCommand.seconds(run.durationMs()));
		}
		out.flush();
		return ExitCodes.OK;
	}

}
