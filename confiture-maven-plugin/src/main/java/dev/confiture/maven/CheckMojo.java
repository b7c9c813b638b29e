package dev.confiture.maven;

import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.migrate.StatusOptions;
import dev.confiture.core.migrate.StatusReport;
import dev.confiture.core.validate.ValidationOptions;
import dev.confiture.core.validate.ValidationReport;

/**
 * The CI gate, bound to {@code verify} when declared: validates the schema changes since
 * {@code baseRef} (a changed schema file has its migration, and the new migrations reach the
 * new schema files), then shows the migration status when a database is configured. Fails the
 * build when a check fails (and, with {@code failOnPending}, when migrations are pending).
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false,
		requiresDependencyResolution = ResolutionScope.RUNTIME)
public class CheckMojo extends AbstractConfitureMojo {

	/** Compares with the merge base of this ref and HEAD (default origin/main; with staged: HEAD). */
	@Parameter(property = "confiture.baseRef")
	String baseRef;

	/** Judges the staged changes (the index) instead of HEAD. */
	@Parameter(property = "confiture.staged", defaultValue = "false")
	boolean staged;

	/** Fails the build when migrations are pending, a file changed, or the database is not initialised. */
	@Parameter(property = "confiture.failOnPending", defaultValue = "false")
	boolean failOnPending;

	@Override
	String goal() {
		return "check";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		Confiture confiture = confiture();
		Map<String, Object> document = new LinkedHashMap<>();
		ValidationReport validation = ValidateMojo.validate(confiture, output,
				new ValidationOptions(this.baseRef, this.staged, true, true));
		document.put("validation", validation);
		StatusReport status = null;
		if (hasDatabase(confiture)) {
			status = confiture.status(StatusOptions.defaults());
			output.info(String.join("\n", status.lines()));
			document.put("status", status);
		}
		else {
			output.info("Migration status skipped: no database configured (databaseUrl or the environment's database)");
		}
		boolean pendingProblem = this.failOnPending && status != null && !StatusMojo.upToDate(status);
		reports.write(validation.passed() && !pendingProblem, document);
		ValidateMojo.failIfNotPassed(validation);
		if (pendingProblem) {
			throw Failures.of(StatusMojo.problem(status), "Run ./mvnw confiture:migrate");
		}
	}

	private static boolean hasDatabase(Confiture confiture) {
		try {
			return confiture.database() != null;
		}
		catch (ConfitureException ex) {
			return false;
		}
	}

}
