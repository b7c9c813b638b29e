package dev.confiture.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.confiture.core.Confiture;
import dev.confiture.core.validate.ValidationOptions;
import dev.confiture.core.validate.ValidationReport;

/**
 * Git-aware checks of the schema changes since a git ref, as {@code confiture migrate
 * validate}: a changed schema file needs a new or changed migration
 * ({@code requireMigration}), and the new migrations must turn the old schema into the
 * new schema files ({@code checkDrift}). Without either, both run. A failed check fails
 * the build.
 */
@Mojo(name = "validate", threadSafe = true, requiresProject = false)
public class ValidateMojo extends AbstractConfitureMojo {

	static final String REMEDY = "Add a migration for the changed schema files (./mvnw confiture:diff "
			+ "-Dconfiture.fromEnv=ENV -Dconfiture.generate -Dconfiture.name=NAME, or confiture:generate), or make the "
			+ "migrations reach the schema files";

	/**
	 * Compares with the merge base of this ref and HEAD (default origin/main; with
	 * staged: HEAD).
	 */
	@Parameter(property = "confiture.baseRef")
	String baseRef;

	/** Judges the staged changes (the index) instead of HEAD. */
	@Parameter(property = "confiture.staged", defaultValue = "false")
	boolean staged;

	/** Fails when schema files changed without a new or changed migration. */
	@Parameter(property = "confiture.requireMigration", defaultValue = "false")
	boolean requireMigration;

	/**
	 * Builds the base ref's schema, applies the new migrations and compares with the new
	 * schema files.
	 */
	@Parameter(property = "confiture.checkDrift", defaultValue = "false")
	boolean checkDrift;

	@Override
	String goal() {
		return "validate";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		ValidationReport report = validate(confiture(), output,
				new ValidationOptions(this.baseRef, this.staged, this.requireMigration, this.checkDrift));
		reports.write(report.passed(), report);
		failIfNotPassed(report);
	}

	static ValidationReport validate(Confiture confiture, MavenOutput output, ValidationOptions options) {
		ValidationReport report = confiture.validate(options);
		String text = String.join("\n", report.lines(confiture.environment().name(), RemedyText::of));
		if (report.passed()) {
			output.info(text);
		}
		else {
			output.warn(text);
		}
		return report;
	}

	static void failIfNotPassed(ValidationReport report) throws MojoFailureException {
		if (!report.passed()) {
			throw Failures.of(report.summary(), REMEDY);
		}
	}

}
