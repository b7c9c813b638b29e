package dev.confiture.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.sync.SchemaCopyOptions;
import dev.confiture.core.sync.SchemaCopyResult;
import dev.confiture.core.sync.SchemaCopyResult.CopyStep;
import dev.confiture.core.sync.SchemaCopyResult.TableVerification;
import dev.confiture.core.sync.SyncEndpoint;
import dev.confiture.core.sync.TableResult;

/**
 * {@code confiture migrate schema-to-schema}: builds a new database from its schema files
 * and fills it from an old one through a column mapping (Medium 4).
 */
@Command(name = "schema-to-schema", mixinStandardHelpOptions = true,
		description = { "Build the target database from its schema files, then copy the source's data into it "
				+ "through a mapping (target table <- source table, per column a source column, an SQL expression, "
				+ "or the default). The source is only read.",
				"Exit code: 0 copied (and verified), 1 verification found a difference, 3 a copy failed, "
						+ "4 the target could not be built, 5 bad mapping." })
class MigrateSchemaToSchemaCommand implements Callable<Integer> {

	@Option(names = "--from", required = true, paramLabel = "ENV|URL", description = "The database read.")
	String from;

	@Option(names = "--to", paramLabel = "ENV|URL",
			description = "The new database: an environment (its schema files and database), or a URL (with the "
					+ "schema files of --env). Default: the environment of --env.")
	String to;

	@Option(names = "--mapping", required = true, paramLabel = "FILE", description = "The mapping (YAML).")
	Path mapping;

	@Option(names = "--verify", description = "Compare row counts and a checksum of the key columns afterwards.")
	boolean verify;

	@Option(names = "--dry-run",
			description = "Check the mapping against a shadow build of the schema files and print the plan.")
	boolean dryRun;

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Override
	public Integer call() {
		Path mappingFile = this.environment.projectDirectory().resolve(this.mapping);
		if (!Files.isRegularFile(mappingFile)) {
			throw new ConfitureException(Category.CONFIG, "No mapping file at " + mappingFile,
					"Check the path given to --mapping");
		}
		Confiture.Configuration configuration = this.environment.configure();
		if (this.to != null && (this.to.contains("://") || this.to.startsWith("jdbc:"))) {
			configuration.database(ConnectionSettings.parse(this.to, null, null));
		}
		else if (this.to != null) {
			configuration.environment(this.to);
		}
		Confiture target = configuration.load();
		SchemaCopyOptions options = SchemaCopyOptions.fromFile(source(), mappingFile, System.getenv(), this.verify,
				this.dryRun, new SyncProgressPrinter(this.output.out(), System.console() != null, !this.output.json()));
		SchemaCopyResult result = target.copySchema(options);
		PrintWriter out = this.output.out();
		if (this.output.json()) {
			Json.write(out, new SchemaCopyDocument(true, result.dryRun(), result.plan(), result.tables(),
					result.verifications(), result.verified(), result.durationMs()));
		}
		else {
			if (result.dryRun()) {
				out.println(
						"Dry run: the mapping fits a fresh build of the schema files; nothing was built or copied.");
			}
			for (CopyStep step : result.plan()) {
				out.println("  " + step.target() + " <- " + step.query() + (step.defaulted().isEmpty() ? ""
						: "  (defaults: " + String.join(", ", step.defaulted()) + ")"));
			}
			for (TableVerification verification : result.verifications()) {
				out.printf(Locale.ROOT, "  verify %-30s %s: %,d source rows, %,d target rows%s%n",
						verification.target(), verification.matches() ? "ok" : "DIFFERENT", verification.sourceRows(),
						verification.targetRows(), verification.keyColumns().isEmpty() ? ""
								: ", key " + String.join(", ", verification.keyColumns()));
			}
			if (!result.dryRun()) {
				out.printf(Locale.ROOT, "Built %s and copied %d tables in %.1f s%n", target.databaseDescription(),
						result.tables().size(), result.durationMs() / 1000.0);
			}
			out.flush();
		}
		return result.verified() ? ExitCodes.OK : 1;
	}

	private SyncEndpoint source() {
		if (this.from.contains("://") || this.from.startsWith("jdbc:")) {
			return SyncEndpoint.of(ConnectionSettings.parse(this.from, null, null));
		}
		Confiture source = Confiture.configure()
			.projectDirectory(this.environment.projectDirectory())
			.environment(this.from)
			.load();
		source.database();
		return SyncEndpoint.of(source.environment());
	}

	/** The document of {@code migrate schema-to-schema}. */
	record SchemaCopyDocument(boolean ok, boolean dryRun, List<CopyStep> plan, List<TableResult> tables,
			List<TableVerification> verifications, boolean verified, long durationMs) {

	}

}
