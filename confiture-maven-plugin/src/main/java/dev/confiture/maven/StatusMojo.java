package dev.confiture.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.confiture.core.migrate.StatusOptions;
import dev.confiture.core.migrate.StatusReport;

/**
 * Shows every migration: applied, pending, checksum-mismatch or missing-file, as
 * {@code confiture migrate status}. Read-only.
 */
@Mojo(name = "status", threadSafe = true, requiresProject = false,
		requiresDependencyResolution = ResolutionScope.RUNTIME)
public class StatusMojo extends AbstractConfitureMojo {

	/**
	 * Fails the build when migrations are pending, a file changed, or the database is not
	 * initialised.
	 */
	@Parameter(property = "confiture.failOnPending", defaultValue = "false")
	boolean failOnPending;

	@Override
	String goal() {
		return "status";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		StatusReport report = status(output);
		reports.write(upToDate(report), report);
		if (this.failOnPending && !upToDate(report)) {
			throw Failures.of(problem(report), "Run ./mvnw confiture:migrate");
		}
	}

	/**
	 * Reads the status and logs it.
	 * @param output where the text goes
	 * @return the report
	 */
	StatusReport status(MavenOutput output) {
		StatusReport report = confiture().status(StatusOptions.defaults());
		output.info(String.join("\n", report.lines()));
		if (!report.initialized()) {
			output.warn("Not initialised: tracking table " + report.trackingTable()
					+ " does not exist. Run ./mvnw confiture:migrate (or confiture:build) to create it.");
		}
		return report;
	}

	static boolean upToDate(StatusReport report) {
		return report.isUpToDate() && !report.hasChecksumMismatch();
	}

	static String problem(StatusReport report) {
		if (!report.initialized()) {
			return "The database is not initialised: tracking table " + report.trackingTable() + " does not exist";
		}
		if (report.hasChecksumMismatch()) {
			return "Applied migrations have changed since they were applied";
		}
		return report.pendingCount() + " migration(s) pending";
	}

}
