package dev.confiture.maven;

import java.util.Locale;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.lint.LintFailedException;
import dev.confiture.core.lint.LintMode;
import dev.confiture.core.lint.LintOptions;
import dev.confiture.core.lint.LintResult;
import dev.confiture.core.migrate.MigrationPlan;
import dev.confiture.core.migrate.MigrationRun;
import dev.confiture.core.migrate.MigrateOptions;
import dev.confiture.core.migrate.MigrateOptions.DryRun;
import dev.confiture.core.migrate.MigrateResult;

/**
 * Applies pending migrations in version order, each with its tracking row in one
 * transaction, as {@code confiture migrate up}.
 */
@Mojo(name = "migrate", threadSafe = true, requiresProject = false,
		requiresDependencyResolution = ResolutionScope.RUNTIME)
public class MigrateMojo extends AbstractMigrationMojo {

	/** Applies up to this version only. */
	@Parameter(property = "confiture.target")
	String target;

	/** Applies at most this many migrations. */
	@Parameter(property = "confiture.steps")
	Integer steps;

	/** Logs the SQL plan without changing anything. */
	@Parameter(property = "confiture.dryRun", defaultValue = "false")
	boolean dryRun;

	/**
	 * Lints the pending migrations first: fail stops before anything is applied when
	 * there are errors, warn logs the findings, off skips it. Default: fail for an
	 * environment named production or prod, warn otherwise.
	 */
	@Parameter(property = "confiture.lint")
	String lint;

	@Override
	String goal() {
		return "migrate";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		MigrateOptions options = MigrateOptions.defaults()
			.withTarget(this.target)
			.withSteps(this.steps)
			.withDryRun(this.dryRun ? DryRun.PLAN : DryRun.NONE);
		Confiture confiture = confiture(output);
		if (!this.dryRun) {
			lintPending(confiture, output);
		}
		MigrateResult result = confiture.migrate(options);
		if (result.planned()) {
			MigrationPlan plan = result.plan();
			plan.warnings().forEach(output::warn);
			output.info(plan.sql());
			reports.write(true, plan);
			return;
		}
		MigrationRun run = result.run();
		if (run.migrations().isEmpty()) {
			output.info((run.pending() == 0) ? "Nothing to apply: the database is up to date"
					: "Nothing to apply: " + run.pending() + " pending migration(s), none selected by target/steps");
		}
		else {
			output.info(String.format(Locale.ROOT, "Successfully applied %d migration(s) in %s", run.doneCount(),
					Texts.seconds(run.durationMs())));
		}
		reports.write(true, run);
	}

	private void lintPending(Confiture confiture, MavenOutput output) {
		LintMode mode = Parameters.isSet(this.lint) ? LintMode.parse(this.lint, "lint")
				: LintMode.defaultFor(confiture.environment().name());
		if (mode == LintMode.OFF) {
			return;
		}
		LintResult result = confiture.lint(LintOptions.defaults());
		if (mode == LintMode.WARN) {
			result.findings().forEach((finding) -> output.warn("lint: " + finding));
		}
		try {
			mode.check(result);
		}
		catch (LintFailedException ex) {
			throw new ConfitureException(ex.category(), ex.getMessage(),
					ex.hint() + ", or set -Dconfiture.lint=warn to apply them anyway", ex);
		}
	}

}
