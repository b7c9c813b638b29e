package dev.confiture.cli;

import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import dev.confiture.core.tenant.FleetAction;

/**
 * {@code confiture tenant list}: every tenant and where it stands. Read-only.
 */
@Command(name = "list", mixinStandardHelpOptions = true,
		description = {
				"List every tenant with its state (up-to-date, pending, not-initialized, checksum-changed, "
						+ "drifted), current version and pending migrations. Read-only.",
				"Exit 0 when every tenant is up to date, else 1." })
class TenantListCommand implements Callable<Integer> {

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Mixin
	FleetCliOptions fleet;

	@Override
	public Integer call() {
		return this.fleet.run(FleetAction.STATUS, this.environment.configure().requireMigrationsDirectory(true).load(),
				this.output, null, null, null);
	}

}
