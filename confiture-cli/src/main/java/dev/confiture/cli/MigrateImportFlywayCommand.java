package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.confiture.core.Confiture;
import dev.confiture.core.adopt.FlywayImportOptions;
import dev.confiture.core.adopt.FlywayImportResult;
import dev.confiture.core.adopt.FlywayImportResult.Mapping;
import dev.confiture.core.adopt.FlywayImportResult.Notice;
import dev.confiture.core.adopt.FlywayImportResult.Row;

/**
 * {@code confiture migrate import-flyway}: Flyway's migrations and history brought over.
 */
@Command(name = "import-flyway", mixinStandardHelpOptions = true,
		description = {
				"Convert Flyway's V__/U__ SQL files into migrations (versions that keep Flyway's order) and "
						+ "record the ones flyway_schema_history says succeeded as applied, keeping installed_on and "
						+ "installed_by. Flyway's table is only read; running it twice changes nothing.",
				"Exit code: 0 done, 1 done but entries need you (failed, pending, missing file)." })
class MigrateImportFlywayCommand implements Callable<Integer> {

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Option(names = "--locations", split = ",", paramLabel = "DIR", arity = "1..*",
			description = "Directories of Flyway's files, relative to the project (filesystem: and classpath: "
					+ "prefixes allowed; default: src/main/resources/db/migration).")
	List<String> locations = new ArrayList<>();

	@Option(names = "--table", paramLabel = "NAME",
			description = "Flyway's history table (default: flyway_schema_history, found on search_path).")
	String table;

	@Option(names = "--dry-run", description = "Print the mapping and the rows that would be written; write nothing.")
	boolean dryRun;

	@Override
	public Integer call() {
		Confiture confiture = this.environment.configure().load();
		FlywayImportResult result = confiture
			.importFlyway(new FlywayImportOptions(this.locations, this.table, this.dryRun));
		PrintWriter out = this.output.out();
		if (this.output.json()) {
			Json.write(out, ImportDocument.of(confiture.environment().name(), result));
		}
		else {
			print(out, result, confiture.environment().name());
		}
		out.flush();
		return result.needsAttention() ? 1 : ExitCodes.OK;
	}

	private void print(PrintWriter out, FlywayImportResult result, String environment) {
		String prefix = result.dryRun() ? "Would " : "";
		out.println((result.dryRun() ? "Dry run: nothing is written. " : "") + "Flyway history " + result.historyTable()
				+ " (left untouched), " + result.mappings().size() + " version(s):");
		out.printf("  %-12s %-14s %-13s %s%n", "flyway", "confiture", "state", "file");
		for (Mapping mapping : result.mappings()) {
			out.printf("  %-12s %-14s %-13s %s%n", mapping.flywayVersion(), mapping.version(), mapping.state(),
					(mapping.upFile() != null)
							? mapping.upFile() + ((mapping.downFile() != null) ? " (+ .down.sql)" : "") : "-");
		}
		out.println(prefix + (result.dryRun() ? "write " : "Wrote ") + result.written().size() + " file(s)"
				+ (result.unchanged().isEmpty() ? "" : ", " + result.unchanged().size() + " already converted")
				+ "; mapping " + (result.dryRun() ? "to " : "in ") + result.mappingFile());
		out.println(prefix + (result.dryRun() ? "record " : "Recorded ") + result.recorded().size()
				+ " migration(s) as applied" + (result.recorded().isEmpty() ? "" : ":"));
		result.recorded()
			.forEach((row) -> out.println("  " + row.version() + "_" + row.name() + " (" + row.kind() + ", applied "
					+ row.appliedAt() + " by " + row.appliedBy() + ")"));
		if (!result.notices().isEmpty()) {
			out.println("Notes:");
			for (Notice notice : result.notices()) {
				out.println("  " + (notice.needsAction() ? "[action] " : "") + notice.message());
			}
		}
		if (!result.dryRun()) {
			out.println("Next: confiture migrate status --env " + environment
					+ (result.needsAttention() ? " (after the [action] notes above)" : ""));
		}
	}

	/**
	 * The document of {@code import-flyway}: the mapping of versions, the files and the
	 * rows written.
	 */
	record ImportDocument(boolean ok, String environment, String historyTable, boolean dryRun, List<Mapping> mappings,
			List<String> written, List<String> unchanged, String mappingFile, List<Row> recorded, List<Notice> notices,
			boolean needsAttention) {

		static ImportDocument of(String environment, FlywayImportResult result) {
			return new ImportDocument(true, environment, result.historyTable(), result.dryRun(), result.mappings(),
					result.written(), result.unchanged(), result.mappingFile(), result.recorded(), result.notices(),
					result.needsAttention());
		}

	}

}
