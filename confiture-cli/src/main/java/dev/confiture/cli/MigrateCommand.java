package dev.confiture.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code confiture migrate}: versioned migrations of an existing database.
 */
@Command(name = "migrate", mixinStandardHelpOptions = true,
		description = { "Apply, roll back and report versioned migrations (db/migrations/{version}_{name}.up.sql "
				+ "with an optional .down.sql, or Java migrations)." },
		subcommands = { MigrateStatusCommand.class, MigrateUpCommand.class, MigrateDownCommand.class,
				MigrateDownToCommand.class, MigrateGenerateCommand.class, MigrateBaselineCommand.class,
				MigrateDiffCommand.class, MigrateVerifyCommand.class, MigrateValidateCommand.class,
				MigrateLintCommand.class, MigrateImportFlywayCommand.class, MigrateSchemaToSchemaCommand.class })
class MigrateCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(),
				"Missing subcommand: status, up, down, down-to, generate, baseline, diff, verify or validate");
	}

}
