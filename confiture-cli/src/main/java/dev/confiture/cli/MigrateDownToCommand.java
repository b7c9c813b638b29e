package dev.confiture.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import dev.confiture.core.migrate.RollbackOptions;

/**
 * {@code confiture migrate down-to VERSION}: rolls back everything newer than a version.
 */
@Command(name = "down-to", mixinStandardHelpOptions = true,
		description = { "Roll back every applied migration newer than VERSION, newest first (0: all of them).",
				"Refused before anything changes (exit 8) if one of them has no down." })
class MigrateDownToCommand implements Callable<Integer> {

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Mixin
	MigrationOptions migration;

	@Parameters(index = "0", paramLabel = "VERSION", description = "The version to keep as the newest applied one.")
	String version;

	@Override
	public Integer call() {
		return MigrateDownCommand.print(this.output,
				this.migration.confiture(this.environment, this.output).rollback(RollbackOptions.downTo(this.version)));
	}

}
