package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.confiture.core.Confiture;
import dev.confiture.core.migrate.ExecutedMigration.Outcome;
import dev.confiture.core.migrate.MigrateOptions;
import dev.confiture.core.migrate.MigrateOptions.DryRun;
import dev.confiture.core.migrate.MigrateResult;
import dev.confiture.core.migrate.MigrationPlan;
import dev.confiture.core.migrate.MigrationRun;
import dev.confiture.core.migrate.PlannedMigration;

/**
 * {@code confiture migrate up}: applies pending migrations, each in its own transaction with
 * its tracking row.
 */
@Command(name = "up", mixinStandardHelpOptions = true,
		description = { "Apply pending migrations in version order, each with its tracking row in one transaction.",
				"--dry-run prints the SQL plan and changes nothing; --dry-run=execute runs the plan in one "
						+ "transaction and rolls it back." })
class MigrateUpCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Mixin
	MigrationOptions migration;

	@Option(names = { "--target", "-t" }, paramLabel = "VERSION", description = "Apply up to this version only.")
	String target;

	@Option(names = { "--steps", "-n" }, paramLabel = "N", description = "Apply at most N migrations.")
	Integer steps;

	@Option(names = "--dry-run", arity = "0..1", fallbackValue = "plan", paramLabel = "execute",
			description = "Print the SQL plan without changing anything; with =execute, run it in one transaction "
					+ "and roll it back (migrations that cannot run in a transaction are listed, not run).")
	String dryRun;

	@Override
	public Integer call() {
		PrintWriter out = this.output.out();
		boolean text = !this.output.json();
		if (this.dryRun != null && !this.dryRun.equals("plan") && !this.dryRun.equals("execute")) {
			throw new ParameterException(this.spec.commandLine(),
					"--dry-run takes no value or 'execute', not '" + this.dryRun + "'");
		}
		boolean execute = "execute".equals(this.dryRun);
		Confiture confiture = this.migration.confiture(this.environment, this.output, execute);
		DryRun mode = execute ? DryRun.EXECUTE : "plan".equals(this.dryRun) ? DryRun.PLAN : DryRun.NONE;
		MigrateResult result = confiture.migrate(new MigrateOptions(this.target, this.steps, mode));
		if (result.planned()) {
			MigrationPlan plan = result.plan();
			if (text) {
				plan.warnings().forEach((warning) -> this.output.err().println("Warning: " + warning));
				out.print(plan.sql());
			}
			else {
				Json.write(out, document(plan));
			}
			out.flush();
			return ExitCodes.OK;
		}
		MigrationRun run = result.run();
		if (!text) {
			Json.write(out, MigrationDocuments.run(run));
			return ExitCodes.OK;
		}
		if (run.migrations().isEmpty()) {
			out.println((run.pending() == 0) ? "Nothing to apply: the database is up to date"
					: "Nothing to apply: " + run.pending() + " pending migration(s), none selected by --target/--steps");
		}
		else if (execute) {
			out.println();
			out.printf(Locale.ROOT, "Dry run complete: %d migration(s) ran and were rolled back, nothing was changed%n",
					run.migrations().size() - (int) run.migrations()
						.stream()
						.filter((m) -> m.outcome() == Outcome.NOT_RUN)
						.count());
		}
		else {
			out.println();
			out.printf(Locale.ROOT, "Successfully applied %d migration(s) in %s%n", run.doneCount(),
					BuildCommand.seconds(run.durationMs()));
		}
		out.flush();
		return ExitCodes.OK;
	}

	private static Map<String, Object> document(MigrationPlan plan) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("ok", true);
		document.put("dryRun", true);
		document.put("trackingTable", plan.trackingTable());
		document.put("migrations", plan.migrations().stream().map(MigrateUpCommand::planned).toList());
		document.put("warnings", plan.warnings());
		document.put("sql", plan.sql());
		return document;
	}

	private static Map<String, Object> planned(PlannedMigration planned) {
		Map<String, Object> document = MigrationDocuments.info(planned.migration());
		document.put("transactional", planned.transactional());
		document.put("nonTransactionalReason", planned.nonTransactionalReason());
		document.put("statements", planned.statements());
		return document;
	}

}
