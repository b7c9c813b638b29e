package dev.confiture.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.sync.PlannedTable;
import dev.confiture.core.sync.SyncEndpoint;
import dev.confiture.core.sync.SyncOptions;
import dev.confiture.core.sync.SyncPlan;
import dev.confiture.core.sync.SyncResult;
import dev.confiture.core.sync.TableResult;

/**
 * {@code confiture sync}: copies table data from one environment (or URL) to another,
 * with anonymisation rules applied on the way.
 */
@Command(name = "sync", mixinStandardHelpOptions = true, description = {
		"Copy table data from one database to another with the same schema (streaming COPY), "
				+ "replacing personal data with the anonymisation rules.",
		"Exit code: 0 copied, 3 a copy failed, 4 the two sides' tables differ, 5 protected target or bad rules." })
class SyncCommand implements Callable<Integer> {

	static final String DEFAULT_RULES = "db/sync/anonymize.yaml";

	@Option(names = "--from", required = true, paramLabel = "ENV|URL", description = "The database read.")
	String from;

	@Option(names = "--to", required = true, paramLabel = "ENV|URL",
			description = "The database written (never an environment marked protected: true).")
	String to;

	@Option(names = "--tables", split = ",", paramLabel = "GLOB",
			description = "Tables to copy (schema.table or table; * and ? as wildcards). Default: all.")
	List<String> tables = new ArrayList<>();

	@Option(names = "--exclude", split = ",", paramLabel = "GLOB", description = "Tables to leave out.")
	List<String> exclude = new ArrayList<>();

	@Option(names = "--where", paramLabel = "TABLE:CONDITION",
			description = "Copy only the rows of TABLE that match CONDITION (SQL), e.g. 'orders:created_at > now() - interval ''30 days'''.")
	List<String> where = new ArrayList<>();

	@Option(names = "--anonymize", paramLabel = "FILE",
			description = "Anonymisation rules (default: " + DEFAULT_RULES + " when it exists).")
	Path anonymize;

	@Option(names = "--require-anonymization", description = "Fail when a column looks personal and has no rule.")
	boolean requireAnonymization;

	@Option(names = "--dry-run", description = "Print the plan (tables in order, estimates, rules); copy nothing.")
	boolean dryRun;

	@Option(names = "--resume", description = "Skip the tables that the last interrupted run had copied.")
	boolean resume;

	@Option(names = "--project-dir", paramLabel = "DIR", defaultValue = ".",
			description = "Project directory, the one that holds db/ (default: the current directory).")
	Path projectDirectory = Path.of(".");

	@Mixin
	OutputOptions output;

	@Override
	public Integer call() {
		SyncEndpoint source = endpoint(this.from);
		SyncEndpoint target = endpoint(this.to);
		SyncOptions options = SyncOptions.of(source, target)
			.withTables(this.tables)
			.withExclude(this.exclude)
			.withWhere(where())
			.withDryRun(this.dryRun)
			.withResume(this.resume)
			.withRequireAnonymization(this.requireAnonymization);
		Path rules = anonymizationFile();
		if (rules != null) {
			options = options.withAnonymizationFile(rules, System.getenv());
		}
		PrintWriter out = this.output.out();
		if (!this.output.json() && !this.dryRun) {
			out.println("Copying from " + source.description() + " into " + target.description()
					+ " (its tables are overwritten)");
			out.flush();
		}
		SyncProgressPrinter progress = new SyncProgressPrinter(out, System.console() != null, !this.output.json());
		SyncResult result = Confiture.sync(options.withListener(progress));
		if (this.output.json()) {
			Json.write(out, SyncDocument.of(result));
		}
		else if (result.dryRun()) {
			printPlan(out, result.plan());
		}
		else {
			progress.summary(result);
		}
		if (!this.output.json()) {
			result.plan().warnings().forEach((warning) -> this.output.err().println("Warning: " + warning));
			this.output.err().flush();
		}
		return ExitCodes.OK;
	}

	private SyncEndpoint endpoint(String value) {
		if (value.contains("://") || value.startsWith("jdbc:")) {
			return SyncEndpoint.of(ConnectionSettings.parse(value, null, null));
		}
		Confiture confiture = Confiture.configure().projectDirectory(this.projectDirectory).environment(value).load();
		confiture.database();
		return SyncEndpoint.of(confiture.environment());
	}

	private Map<String, String> where() {
		Map<String, String> conditions = new LinkedHashMap<>();
		for (String entry : this.where) {
			int colon = entry.indexOf(':');
			if (colon <= 0 || colon == entry.length() - 1) {
				throw new ConfitureException(Category.CONFIG, "--where '" + entry + "' is not TABLE:CONDITION",
						"Write it as in --where 'orders:created_at > now() - interval ''30 days'''");
			}
			conditions.put(entry.substring(0, colon).strip(), entry.substring(colon + 1));
		}
		return conditions;
	}

	private Path anonymizationFile() {
		Path file = this.anonymize;
		if (file == null) {
			Path fallback = this.projectDirectory.resolve(DEFAULT_RULES);
			if (!Files.isRegularFile(fallback)) {
				return null;
			}
			file = fallback;
		}
		else if (!Files.isRegularFile(file)) {
			throw new ConfitureException(Category.CONFIG, "No anonymisation rules at " + file,
					"Check the path given to --anonymize");
		}
		return file;
	}

	private static void printPlan(PrintWriter out, SyncPlan plan) {
		out.println("Dry run: nothing is copied. Plan (" + plan.mode() + "), from " + plan.source() + " into "
				+ plan.target() + ":");
		int index = 1;
		for (PlannedTable table : plan.tables()) {
			out.printf(Locale.ROOT, "%3d. %s  ~%,d rows, %s%s%n", index++, table.name(), table.estimatedRows(),
					SyncProgressPrinter.size(table.estimatedBytes()),
					(table.where() != null) ? "  where " + table.where() : "");
			for (PlannedTable.ColumnRule rule : table.rules()) {
				out.println("       " + rule.column() + ": " + rule.rule());
			}
		}
		out.printf(Locale.ROOT, "%d tables, ~%,d rows, %s%n", plan.tables().size(), plan.estimatedRows(),
				SyncProgressPrinter.size(plan.estimatedBytes()));
		out.flush();
	}

	/** The document of {@code sync}: the plan, then each table copied and the totals. */
	record SyncDocument(boolean ok, boolean dryRun, String source, String target, String mode, List<PlannedTable> plan,
			List<TableDocument> tables, long rows, long bytes, long durationMs, List<String> warnings) {

		static SyncDocument of(SyncResult result) {
			SyncPlan plan = result.plan();
			return new SyncDocument(true, result.dryRun(), plan.source(), plan.target(), plan.mode(), plan.tables(),
					result.tables().stream().map(TableDocument::of).toList(), result.rows(), result.bytes(),
					result.durationMs(), plan.warnings());
		}

	}

	/** A table copied (or skipped by {@code --resume}) and how fast. */
	record TableDocument(String name, long rows, long bytes, long durationMs, long rowsPerSecond, boolean skipped) {

		static TableDocument of(TableResult table) {
			return new TableDocument(table.name(), table.rows(), table.bytes(), table.durationMs(),
					table.rowsPerSecond(), table.skipped());
		}

	}

}
