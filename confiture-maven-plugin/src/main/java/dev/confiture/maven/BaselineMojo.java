package dev.confiture.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.confiture.core.migrate.BaselineOptions;
import dev.confiture.core.migrate.BaselineResult;
import dev.confiture.core.migrate.MigrationInfo;

/**
 * Records every migration up to a version as applied without running it, for a database
 * whose schema already contains them, as {@code confiture migrate baseline}.
 */
@Mojo(name = "baseline", threadSafe = true, requiresProject = false,
		requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BaselineMojo extends AbstractMigrationMojo {

	/** The newest version the database already contains. */
	@Parameter(property = "confiture.version", required = true)
	String version;

	@Override
	String goal() {
		return "baseline";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		BaselineResult result = confiture(output).baseline(new BaselineOptions(this.version));
		if (result.recorded().isEmpty()) {
			output.info("Nothing to record: every migration up to " + this.version + " is already applied");
		}
		else {
			output.info("Marked " + result.recorded().size() + " migration(s) as applied up to " + this.version + ":");
			for (MigrationInfo migration : result.recorded()) {
				output.info("  " + migration.displayName());
			}
		}
		reports.write(true, result);
	}

}
