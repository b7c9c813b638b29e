package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.confiture.core.tenant.TenantCreateOptions;
import dev.confiture.core.tenant.TenantCreation;

/**
 * {@code confiture tenant create NAME}: builds the schema files into a new tenant and
 * baselines the migrations, exactly like {@code confiture build}.
 */
@Command(name = "create", mixinStandardHelpOptions = true,
		description = { "Build the schema files (and the environment's seeds) into a new tenant schema or database "
				+ "in one transaction and record every migration as applied, like confiture build." })
class TenantCreateCommand implements Callable<Integer> {

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Parameters(index = "0", paramLabel = "NAME", description = "The tenant's schema (or database) name.")
	String name;

	@Option(names = "--schema-only", description = "Leave the seed files out.")
	boolean schemaOnly;

	@Option(names = "--if-missing", description = "Succeed without changes when the tenant already exists.")
	boolean ifMissing;

	@Override
	public Integer call() {
		TenantCreation creation = this.environment.configure()
			.requireMigrationsDirectory(true)
			.load()
			.createTenant(new TenantCreateOptions(this.name, this.schemaOnly, this.ifMissing));
		PrintWriter out = this.output.out();
		if (this.output.json()) {
			Json.write(out,
					new CreationDocument(true, creation.tenant().name(), creation.created(), creation.schemaFiles(),
							creation.seedFiles(), creation.statementCount(), creation.baselinedMigrations(),
							creation.durationMs()));
			return ExitCodes.OK;
		}
		if (!creation.created()) {
			out.println("Tenant " + creation.tenant().name() + " already exists; nothing was changed.");
		}
		else {
			out.printf(Locale.ROOT,
					"Created %s: %d schema file(s), %d seed file(s), %d statement(s), %d migration(s) "
							+ "recorded as applied, in %s%n",
					creation.tenant().description(), creation.schemaFiles(), creation.seedFiles(),
					creation.statementCount(), creation.baselinedMigrations().size(),
					BuildCommand.seconds(creation.durationMs()));
		}
		out.flush();
		return ExitCodes.OK;
	}

	/**
	 * The document of {@code tenant create}: the tenant, what was built into it and
	 * recorded.
	 */
	record CreationDocument(boolean ok, String tenant, boolean created, int schemaFiles, int seedFiles, int statements,
			List<String> baselinedMigrations, long durationMs) {
	}

}
