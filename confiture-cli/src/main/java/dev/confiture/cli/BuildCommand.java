package dev.confiture.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.confiture.core.Confiture;
import dev.confiture.core.build.BuildListener;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.build.BuildOptions.ExistingObjects;
import dev.confiture.core.build.BuildResult;
import dev.confiture.core.build.SchemaFile;
import dev.confiture.core.build.SchemaSources;

/**
 * {@code confiture build}: builds a database from the schema files in one transaction.
 */
@Command(name = "build", mixinStandardHelpOptions = true,
		description = { "Build a database from db/schema (then the environment's seeds) in one transaction.",
				"A failing statement is reported as file:line and leaves the database as it was." })
class BuildCommand implements Callable<Integer> {

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Option(names = "--schema-only", description = "Leave the seed files out.")
	boolean schemaOnly;

	@Option(names = "--no-baseline-proof",
			description = {
					"Do not prove that the schema files contain every migration that the build marks as applied.",
					"Risk: a migration missing from db/schema is marked applied anyway, and every database built "
							+ "from the files lacks it for good." })
	boolean noBaselineProof;

	@Option(names = { "--output", "-o" }, paramLabel = "FILE",
			description = "Write the ordered SQL to FILE instead of running it (no database needed).")
	Path outputFile;

	@ArgGroup(exclusive = true)
	Existing existing = new Existing();

	static class Existing {

		@Option(names = "--drop-existing",
				description = "Drop the database's user schemas first, in the same transaction (says what goes).")
		boolean drop;

		@Option(names = "--if-empty", description = "Do nothing (exit 0) when the database already has objects.")
		boolean ifEmpty;

	}

	@Override
	public Integer call() {
		PrintWriter out = this.output.out();
		boolean text = !this.output.json();
		Confiture confiture = this.environment.configure()
			.buildListener(new Progress(out, this.output.err(), text))
			.load();
		BuildOptions options = BuildOptions.defaults()
			.withSchemaOnly(this.schemaOnly)
			.withBaselineProof(!this.noBaselineProof)
			.withExisting(this.existing.drop ? ExistingObjects.DROP
					: this.existing.ifEmpty ? ExistingObjects.SKIP : ExistingObjects.REFUSE);
		if (text) {
			out.println("Building schema for environment: " + confiture.environment().name());
		}
		if (this.outputFile != null) {
			Path target = this.environment.projectDirectory().resolve(this.outputFile);
			long started = System.nanoTime();
			SchemaSources sources = confiture.writeBuild(options, target);
			long millis = (System.nanoTime() - started) / 1_000_000;
			List<SchemaFile> files = this.schemaOnly ? sources.schemaFiles() : sources.allFiles();
			if (text) {
				out.printf(Locale.ROOT, "Wrote %d files to %s in %s%n", files.size(), target, seconds(millis));
			}
			else {
				Json.write(out, new WrittenDocument(true, "written", confiture.environment().name(), entries(files),
						sources.schemaHash(), millis, target.toString()));
			}
			return ExitCodes.OK;
		}
		BuildResult result = confiture.build(options);
		long millis = result.duration().toMillis();
		if (text) {
			if (result.skipped()) {
				out.println("Skipped: " + result.skippedReason() + " (--if-empty)");
			}
			else {
				out.printf(Locale.ROOT, "Schema built successfully in %s (%d statements, schema hash %s)%n",
						seconds(millis), result.statementCount(), result.schemaHash().substring(0, 12));
				if (!result.baselinedMigrations().isEmpty()) {
					out.println("Marked " + Plurals.count(result.baselinedMigrations().size(), "existing migration")
							+ " as applied: " + (result.baselineProof().ran() ? "proven contained in the schema files"
									: "not proven (--no-baseline-proof)"));
				}
				result.baselineProof().notes().forEach((note) -> out.println("Note: could not check " + note));
			}
		}
		else {
			List<SchemaFile> files = new ArrayList<>(result.schemaFiles());
			files.addAll(result.seedFiles());
			Json.write(out,
					new BuiltDocument(true, result.skipped() ? "skipped" : "built", result.environment(),
							entries(files), result.schemaHash(), millis, result.database(), result.statementCount(),
							result.droppedSchemas(), result.baselinedMigrations(), result.baselineProof().ran(),
							result.baselineProof().notes(), result.skippedReason()));
		}
		return ExitCodes.OK;
	}

	private static List<FileEntry> entries(List<SchemaFile> files) {
		return files.stream().map((file) -> new FileEntry(file.relativePath(), file.seed())).toList();
	}

	static String seconds(long millis) {
		return String.format(Locale.ROOT, "%.2fs", millis / 1000.0);
	}

	/** What {@code build --output FILE --format json} prints. */
	record WrittenDocument(boolean ok, String status, String environment, List<FileEntry> files, String hash,
			long durationMs, String output) {

	}

	/** What {@code build --format json} prints: status built or skipped. */
	record BuiltDocument(boolean ok, String status, String environment, List<FileEntry> files, String hash,
			long durationMs, String database, int statements, List<String> droppedSchemas,
			List<String> baselinedMigrations, boolean baselineProven, List<String> baselineProofNotes,
			String skippedReason) {

	}

	/** One schema or seed file of a build. */
	record FileEntry(String path, boolean seed) {

	}

	/**
	 * Prints what the build is doing: counts, what --drop-existing drops, and per-file
	 * progress on an interactive terminal.
	 */
	private static final class Progress implements BuildListener {

		private final PrintWriter out;

		private final PrintWriter err;

		private final boolean text;

		private final boolean interactive = System.console() != null;

		Progress(PrintWriter out, PrintWriter err, boolean text) {
			this.out = out;
			this.err = err;
			this.text = text;
		}

		@Override
		public void discovered(SchemaSources sources, boolean schemaOnly) {
			if (this.text) {
				int seeds = schemaOnly ? 0 : sources.seedFiles().size();
				this.out.printf(Locale.ROOT, "Found %d SQL files (%d schema, %d seed%s)%n",
						sources.schemaFiles().size() + seeds, sources.schemaFiles().size(), seeds,
						(schemaOnly && !sources.seedFiles().isEmpty())
								? ", " + sources.seedFiles().size() + " left out by --schema-only" : "");
				sources.warnings().forEach((warning) -> this.out.println("Warning: " + warning));
				this.out.flush();
			}
		}

		@Override
		public void dropping(List<String> schemas) {
			this.err.println("Dropping existing schemas (--drop-existing): " + String.join(", ", schemas));
			this.err.flush();
		}

		@Override
		public void fileStarted(SchemaFile file, int index, int total) {
			if (this.text && index == 1) {
				this.out.println("Executing schema...");
				this.out.flush();
			}
			if (this.text && this.interactive) {
				this.err.printf(Locale.ROOT, "  [%d/%d] %s%n", index, total, file.relativePath());
				this.err.flush();
			}
		}

	}

}
