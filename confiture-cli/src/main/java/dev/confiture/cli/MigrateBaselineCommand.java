package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import dev.confiture.core.migrate.BaselineOptions;
import dev.confiture.core.migrate.MigrationInfo;

/**
 * {@code confiture migrate baseline VERSION}: records migrations as applied without
 * running them, for a database whose schema already contains them.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
		description = { "Mark every migration up to VERSION as applied without running it, for an existing "
				+ "database that already has their effect." })
class MigrateBaselineCommand implements Callable<Integer> {

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Mixin
	MigrationOptions migration;

	@Parameters(index = "0", paramLabel = "VERSION", description = "The newest version the database already contains.")
	String version;

	@Override
	public Integer call() {
		PrintWriter out = this.output.out();
		List<MigrationInfo> recorded = this.migration.confiture(this.environment, this.output)
			.baseline(new BaselineOptions(this.version))
			.recorded();
		if (this.output.json()) {
			Json.write(out,
					new BaselineDocument(true, this.version, recorded.stream().map(MigrationDocuments::info).toList()));
		}
		else {
			recorded.forEach((info) -> out.println("Marked " + info.displayName() + " as applied (baseline)"));
			out.println("Baseline up to " + this.version + ": " + recorded.size() + " migration(s) recorded");
		}
		out.flush();
		return ExitCodes.OK;
	}

	/**
	 * The document of {@code baseline}: the version and the migrations recorded as
	 * applied.
	 */
	record BaselineDocument(boolean ok, String version, List<MigrationDocuments.InfoDocument> baselined) {
	}

}
