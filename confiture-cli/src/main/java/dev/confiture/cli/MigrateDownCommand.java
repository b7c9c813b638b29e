package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.confiture.core.migrate.MigrationRun;
import dev.confiture.core.migrate.RollbackOptions;

/**
 * {@code confiture migrate down}: rolls back the newest applied migrations.
 */
@Command(name = "down", mixinStandardHelpOptions = true,
		description = { "Roll back the newest applied migrations (highest version first) with their .down.sql.",
				"Refused before anything changes (exit 8) if one of them has no down." })
class MigrateDownCommand implements Callable<Integer> {

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
		return print(this.output,
				this.migration.confiture(this.environment, this.output).rollback(RollbackOptions.steps(this.steps)));
	}

	/**
	 * Prints the result of a rollback ({@code down} and {@code down-to}).
	 * @param output where and in which format
	 * @param run what was rolled back
	 * @return the exit code
	 */
	static int print(OutputOptions output, MigrationRun run) {
		PrintWriter out = output.out();
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
