package dev.confiture.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code confiture tenant}: the tenants of an environment (its {@code tenants:} block).
 */
@Command(name = "tenant", mixinStandardHelpOptions = true,
		description = { "Create tenants from the schema files and list where each tenant stands.",
				"Migrate them all with confiture migrate up --all-tenants." },
		subcommands = { TenantCreateCommand.class, TenantListCommand.class })
class TenantCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new ParameterException(this.spec.commandLine(), "Missing subcommand: create or list");
	}

}
