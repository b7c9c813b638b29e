package dev.confiture.maven;

import java.util.Locale;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.confiture.core.migrate.MigrationRun;
import dev.confiture.core.migrate.RollbackOptions;

/**
 * Rolls back the newest applied migrations with their down scripts, as
 * {@code confiture migrate down} ({@code steps}) or {@code down-to} ({@code toVersion}).
 * A migration without a down script is refused before anything changes.
 */
@Mojo(name = "down", threadSafe = true, requiresProject = false, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class DownMojo extends AbstractMigrationMojo {

	/** How many migrations to roll back, newest first. */
	@Parameter(property = "confiture.steps", defaultValue = "1")
	int steps;

	/** Rolls back every migration newer than this version instead (it stays applied). */
	@Parameter(property = "confiture.toVersion")
	String toVersion;

	@Override
	String goal() {
		return "down";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		RollbackOptions options = Parameters.isSet(this.toVersion) ? RollbackOptions.downTo(this.toVersion)
				: RollbackOptions.steps(this.steps);
		MigrationRun run = confiture(output).rollback(options);
		if (run.migrations().isEmpty()) {
			output.info("Nothing to roll back");
		}
		else {
			output.info(String.format(Locale.ROOT, "Successfully rolled back %d migration(s) in %s", run.doneCount(),
					Texts.seconds(run.durationMs())));
		}
		reports.write(true, run);
	}

}
