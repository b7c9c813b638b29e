package dev.confiture.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.confiture.core.Confiture;
import dev.confiture.core.verify.DriftReport;
import dev.confiture.core.verify.VerifyOptions;

/**
 * Compares the environment's database with a fresh build of its schema files (in a
 * throw-away database) and names every difference, as {@code confiture migrate verify}.
 * Drift fails the build.
 */
@Mojo(name = "verify", threadSafe = true, requiresProject = false)
public class VerifyMojo extends AbstractConfitureMojo {

	/** Fails the build when the database drifted from its schema files. */
	@Parameter(property = "confiture.failOnDrift", defaultValue = "true")
	boolean failOnDrift;

	@Override
	boolean requiresMigrationsDirectory() {
		return false;
	}

	@Override
	String goal() {
		return "verify";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		Confiture confiture = confiture();
		DriftReport report = confiture.verify(VerifyOptions.defaults());
		String text = String.join("\n", report.lines(confiture.environment().name(), confiture.databaseDescription()));
		reports.write(!report.drifted(), report);
		if (!report.drifted()) {
			output.info(text);
			return;
		}
		output.warn(text);
		String remedy = "Write a migration for it (./mvnw confiture:diff -Dconfiture.fromEnv="
				+ confiture.environment().name() + " -Dconfiture.generate -Dconfiture.name=NAME) or fix db/schema";
		if (this.failOnDrift) {
			throw Failures.of("The database of environment " + confiture.environment().name()
					+ " differs from its schema files in " + report.differences().size() + " way(s)", remedy);
		}
		output.warn(remedy);
	}

}
