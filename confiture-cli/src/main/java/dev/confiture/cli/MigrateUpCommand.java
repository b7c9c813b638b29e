package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.lint.LintFailedException;
import dev.confiture.core.lint.LintMode;
import dev.confiture.core.lint.LintOptions;
import dev.confiture.core.lint.LintResult;
import dev.confiture.core.migrate.ExecutedMigration.Outcome;
import dev.confiture.core.migrate.MigrateOptions;
import dev.confiture.core.migrate.MigrateOptions.DryRun;
import dev.confiture.core.migrate.MigrateResult;
import dev.confiture.core.migrate.MigrationPlan;
import dev.confiture.core.migrate.MigrationRun;

/**
 * {@code confiture migrate up}: applies pending migrations, each in its own transaction
 * with its tracking row.
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

	@Mixin
	FleetCliOptions fleet;

	@Option(names = { "--target", "-t" }, paramLabel = "VERSION", description = "Apply up to this version only.")
	String target;

	@Option(names = { "--steps", "-n" }, paramLabel = "N", description = "Apply at most N migrations.")
	Integer steps;

	@Option(names = "--dry-run", arity = "0..1", fallbackValue = "plan", paramLabel = "execute",
			description = "Print the SQL plan without changing anything; with =execute, run it in one transaction "
					+ "and roll it back (migrations that cannot run in a transaction are listed, not run).")
	String dryRun;

	@Option(names = "--lint", paramLabel = "fail|warn|off",
			description = "Lint the pending migrations first (see migrate lint): fail stops before anything is applied "
					+ "when there are errors, warn prints the findings, off skips it. Default: the environment file's "
					+ "lint, else fail for an environment marked protected: true or named production or prod, warn "
					+ "otherwise.")
	String lint;

	@Option(names = "--lint-measure", negatable = true,
			description = "Run the pending migrations on a shadow database for the lint (as migrate lint does) instead "
					+ "of linting their text only. Default: the environment file's lint_measure, else off.")
	Boolean lintMeasure;

	@Override
	public Integer call() {
		PrintWriter out = this.output.out();
		boolean text = !this.output.json();
		if (this.dryRun != null && !this.dryRun.equals("plan") && !this.dryRun.equals("execute")) {
			throw new ParameterException(this.spec.commandLine(),
					"--dry-run takes no value or 'execute', not '" + this.dryRun + "'");
		}
		boolean execute = "execute".equals(this.dryRun);
		if (this.fleet.active()) {
			if (this.dryRun != null || this.target != null || this.steps != null) {
				throw new ParameterException(this.spec.commandLine(),
						"--all-tenants applies every pending migration; it does not take --dry-run, --target or --steps");
			}
			return this.fleet.run(dev.confiture.core.tenant.FleetAction.MIGRATE, this.environment.configure().load(),
					this.output, this.migration.lockWait, this.migration.onChecksumMismatch, null);
		}
		Confiture confiture = this.migration.confiture(this.environment, this.output, execute);
		DryRun mode = execute ? DryRun.EXECUTE : "plan".equals(this.dryRun) ? DryRun.PLAN : DryRun.NONE;
		if (mode != DryRun.PLAN) {
			lintPending(confiture);
		}
		MigrateResult result = confiture.migrate(new MigrateOptions(this.target, this.steps, mode));
		if (result.planned()) {
			MigrationPlan plan = result.plan();
			if (text) {
				plan.warnings().forEach((warning) -> this.output.err().println("Warning: " + warning));
				out.print(plan.sql());
			}
			else {
				Json.write(out, PlanDocument.of(plan));
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
			out.println((run.pending() == 0) ? "Nothing to apply: the database is up to date" : "Nothing to apply: "
					+ run.pending() + " pending migration(s), none selected by --target/--steps");
		}
		else if (execute) {
			out.println();
			out.printf(Locale.ROOT, "Dry run complete: %d migration(s) ran and were rolled back, nothing was changed%n",
					run.migrations().size()
							- (int) run.migrations().stream().filter((m) -> m.outcome() == Outcome.NOT_RUN).count());
		}
		else {
			out.println();
			out.printf(Locale.ROOT, "Successfully applied %d migration(s) in %s%n", run.doneCount(),
					BuildCommand.seconds(run.durationMs()));
		}
		out.flush();
		return ExitCodes.OK;
	}

	private void lintPending(Confiture confiture) {
		LintMode mode = (this.lint != null) ? LintMode.parse(this.lint, "--lint") : confiture.lintMode();
		if (mode == LintMode.OFF) {
			return;
		}
		boolean measure = (this.lintMeasure != null) ? this.lintMeasure : confiture.lintMeasures();
		LintResult result = confiture.lint(new LintOptions(List.of(), measure, null));
		if (mode == LintMode.WARN) {
			result.findings().forEach((finding) -> this.output.err().println("Warning: lint: " + finding));
		}
		try {
			mode.check(result);
		}
		catch (LintFailedException ex) {
			throw new ConfitureException(ex.category(), ex.getMessage(),
					ex.hint() + ", or run with --lint=warn to apply them anyway", ex);
		}
	}

	/** The document of {@code up --dry-run}: the plan, its statements and its SQL. */
	record PlanDocument(boolean ok, boolean dryRun, String trackingTable,
			List<MigrationDocuments.PlannedDocument> migrations, List<String> warnings, String sql) {

		static PlanDocument of(MigrationPlan plan) {
			return new PlanDocument(true, true, plan.trackingTable(),
					plan.migrations().stream().map(MigrationDocuments::planned).toList(), plan.warnings(), plan.sql());
		}

	}

}
