package dev.confiture.maven;

import java.util.Locale;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

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
		MigrateResult result = confiture(output).migrate(options);
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

}
