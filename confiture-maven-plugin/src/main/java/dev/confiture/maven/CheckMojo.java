package dev.confiture.maven;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.lint.LintDocument;
import dev.confiture.core.lint.LintMode;
import dev.confiture.core.lint.LintOptions;
import dev.confiture.core.lint.LintResult;
import dev.confiture.core.migrate.StatusOptions;
import dev.confiture.core.migrate.StatusReport;
import dev.confiture.core.validate.ValidationOptions;
import dev.confiture.core.validate.ValidationReport;

/**
 * The CI gate, bound to {@code verify} when declared: validates the schema changes since
 * {@code baseRef} (a changed schema file has its migration, and the new migrations reach
 * the new schema files), lints the migrations added since then, then shows the migration
 * status when a database is configured. Fails the build when validation fails or lint
 * finds errors (and, with {@code failOnPending}, when migrations are pending), after
 * running every check.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true, requiresProject = false,
		requiresDependencyResolution = ResolutionScope.RUNTIME)
public class CheckMojo extends AbstractConfitureMojo {

	/**
	 * Compares with the merge base of this ref and HEAD (default origin/main; with
	 * staged: HEAD).
	 */
	@Parameter(property = "confiture.baseRef")
	String baseRef;

	/** Judges the staged changes (the index) instead of HEAD. */
	@Parameter(property = "confiture.staged", defaultValue = "false")
	boolean staged;

	/**
	 * Lint of the added migrations: fail (errors fail the build), warn (logged only) or
	 * off.
	 */
	@Parameter(property = "confiture.lint", defaultValue = "fail")
	String lint;

	/** Lints from the statements' text only, without a shadow database. */
	@Parameter(property = "confiture.noShadow", defaultValue = "false")
	boolean noShadow;

	/**
	 * Fails the build when migrations are pending, a file changed, or the database is not
	 * initialised.
	 */
	@Parameter(property = "confiture.failOnPending", defaultValue = "false")
	boolean failOnPending;

	@Override
	String goal() {
		return "check";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		LintMode lintMode = LintMode.parse((this.lint != null) ? this.lint : "fail", "lint");
		Confiture confiture = confiture();
		List<String> problems = new ArrayList<>();
		List<String> remedies = new ArrayList<>();
		ValidationReport validation = ValidateMojo.validate(confiture, output,
				new ValidationOptions(this.baseRef, this.staged, true, true));
		if (!validation.passed()) {
			problems.add(validation.summary());
			remedies.add(ValidateMojo.REMEDY);
		}
		LintDocument lintDocument = null;
		if (lintMode != LintMode.OFF) {
			LintResult lint = LintMojo.lint(confiture, output,
					new LintOptions(List.of(), !this.noShadow, null, lintBaseRef(), this.staged),
					lintMode == LintMode.FAIL);
			lintDocument = lint.document();
			if (lintMode == LintMode.FAIL && lint.hasErrors()) {
				problems.add(LintMojo.lintProblem(lint));
				remedies.add(LintMojo.lintRemedy());
			}
		}
		else {
			output.info("Lint skipped (lint=off)");
		}
		StatusReport statusReport = null;
		if (hasDatabase(confiture)) {
			StatusReport status = confiture.status(StatusOptions.defaults());
			output.info(String.join("\n", status.lines()));
			statusReport = status;
			if (this.failOnPending && !StatusMojo.upToDate(status)) {
				problems.add(StatusMojo.problem(status));
				remedies.add("Run ./mvnw confiture:migrate");
			}
		}
		else {
			output.info("Migration status skipped: no database configured (databaseUrl or the environment's database)");
		}
		reports.write(problems.isEmpty(), new CheckDocument(validation, lintDocument, statusReport));
		if (!problems.isEmpty()) {
			throw Failures.of(String.join("; ", problems), String.join("; ", remedies));
		}
	}

	/**
	 * The lint of check judges what validate judges: the migrations added since the base
	 * ref, or staged.
	 */
	private String lintBaseRef() {
		if (Parameters.isSet(this.baseRef)) {
			return this.baseRef;
		}
		return this.staged ? null : ValidationOptions.DEFAULT_BASE_REF;
	}

	private static boolean hasDatabase(Confiture confiture) {
		try {
			return confiture.database() != null;
		}
		catch (ConfitureException ex) {
			return false;
		}
	}

	/** The result of the check goal: lint and status only when they ran. */
	record CheckDocument(ValidationReport validation, @JsonInclude(JsonInclude.Include.NON_NULL) LintDocument lint,
			@JsonInclude(JsonInclude.Include.NON_NULL) StatusReport status) {

	}

}
