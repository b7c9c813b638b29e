package dev.confiture.maven;

import java.util.Locale;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.confiture.core.migrate.MigrationPlan;
import dev.confiture.core.migrate.MigrationRun;
import dev.confiture.core.migrate.Migrator;

/**
 * Applies pending migrations in version order, each with its tracking row in one
 * transaction, as {@code confiture migrate up}.
 */
@Mojo(name = "migrate", threadSafe = true, requiresProject = false)
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
		Migrator migrator = migrator(output);
		if (this.dryRun) {
			MigrationPlan plan = migrator.dryRun(this.target, this.steps);
			plan.warnings().forEach(output::warn);
			output.info(plan.sql());
			reports.write(true, plan);
			return;
		}
		MigrationRun run = migrator.up(this.target, this.steps);
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
