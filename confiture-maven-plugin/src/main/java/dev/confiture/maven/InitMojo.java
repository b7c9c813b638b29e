package dev.confiture.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

import dev.confiture.core.Confiture;
import dev.confiture.core.config.ProjectInitOptions;
import dev.confiture.core.config.ProjectInitResult;

/**
 * Creates the {@code db/} layout in {@code projectDirectory}: schema folders with
 * examples, seeds, migrations and environments, as {@code confiture init}. Existing files
 * are never overwritten, so running it twice is safe.
 */
@Mojo(name = "init", threadSafe = true, requiresProject = false)
public class InitMojo extends AbstractConfitureMojo {

	@Override
	String goal() {
		return "init";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		ProjectInitResult result = Confiture.initProject(new ProjectInitOptions(projectDirectory()));
		output.info("Initialised Confiture project in " + result.project());
		result.created().forEach((file) -> output.info("  created " + file));
		result.kept().forEach((file) -> output.info("  kept    " + file + " (already exists)"));
		output.info("");
		output.info("Next: edit db/environments/local.yaml, put your DDL in db/schema/, then run");
		output.info("  ./mvnw confiture:build");
		reports.write(true, result);
	}

}
