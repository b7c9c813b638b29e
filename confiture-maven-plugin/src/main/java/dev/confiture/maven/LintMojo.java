package dev.confiture.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.confiture.core.Confiture;
import dev.confiture.core.lint.LintFinding;
import dev.confiture.core.lint.LintOptions;
import dev.confiture.core.lint.LintResult;

/**
 * What migrations would do to live tables (locks, rewrites, data loss, the running
 * release), measured on a shadow database, as {@code confiture migrate lint}: the pending
 * migrations, the given {@code files}, or the migrations added since {@code baseRef} or
 * in the index ({@code staged}). Errors fail the build; warnings are logged.
 */
@Mojo(name = "lint", threadSafe = true, requiresProject = false, requiresDependencyResolution = ResolutionScope.RUNTIME)
public class LintMojo extends AbstractConfitureMojo {

	/**
	 * Migration files to lint (relative to the project directory); default: the pending
	 * migrations.
	 */
	@Parameter(property = "confiture.files")
	List<File> files;

	/** Lints the migrations added since the merge base of this ref and HEAD instead. */
	@Parameter(property = "confiture.baseRef")
	String baseRef;

	/** Lints the migrations added in the index (staged) instead. */
	@Parameter(property = "confiture.staged", defaultValue = "false")
	boolean staged;

	/** Runs nothing: lints from the statements' text only. */
	@Parameter(property = "confiture.noShadow", defaultValue = "false")
	boolean noShadow;

	/**
	 * The format of {@code reportFile}: json, or sarif (SARIF 2.1.0 for GitHub code
	 * scanning).
	 */
	@Parameter(property = "confiture.format", defaultValue = "json")
	String format;

	/** Fails the build when a finding is an error. */
	@Parameter(property = "confiture.failOnError", defaultValue = "true")
	boolean failOnError;

	@Override
	String goal() {
		return "lint";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		String reportFormat = (this.format != null) ? this.format.trim().toLowerCase(Locale.ROOT) : "json";
		if (!reportFormat.equals("json") && !reportFormat.equals("sarif")) {
			throw Failures.of("format is '" + this.format + "'", "Use json or sarif");
		}
		List<Path> paths = (this.files != null) ? this.files.stream().map(File::toPath).toList() : List.of();
		if (!paths.isEmpty() && (Parameters.isSet(this.baseRef) || this.staged)) {
			throw Failures.of("files and baseRef/staged exclude each other", "Set only files, or baseRef or staged");
		}
		Confiture confiture = confiture();
		LintResult result = lint(confiture, output,
				new LintOptions(paths, !this.noShadow, null, Parameters.valueOf(this.baseRef), this.staged),
				this.failOnError);
		if (reportFormat.equals("sarif")) {
			reports.writeDocument(result.sarif());
		}
		else {
			reports.write(!result.hasErrors(), result.document());
		}
		if (this.failOnError) {
			failOnErrors(result);
		}
	}

	/**
	 * Lints and logs the text report: as errors when errors fail the build, as warnings
	 * when there are findings, else as information.
	 * @param confiture the facade
	 * @param output where the text goes
	 * @param options what to lint
	 * @param errorsFail whether errors fail the build
	 * @return the result
	 */
	static LintResult lint(Confiture confiture, MavenOutput output, LintOptions options, boolean errorsFail) {
		LintResult result = confiture.lint(options);
		String text = String.join("\n", result.lines(confiture.environment().name()));
		if (result.hasErrors() && errorsFail) {
			output.error(text);
		}
		else if (!result.findings().isEmpty()) {
			output.warn(text);
		}
		else {
			output.info(text);
		}
		return result;
	}

	static void failOnErrors(LintResult result) throws MojoFailureException {
		if (result.hasErrors()) {
			throw Failures.of(lintProblem(result), lintRemedy());
		}
	}

	static String lintProblem(LintResult result) {
		return "Lint found " + result.errors().size() + " error(s) in " + result.files().size() + " migration(s): "
				+ String.join(", ", result.errors().stream().map(LintFinding::location).distinct().toList());
	}

	static String lintRemedy() {
		return "Change the migrations as suggested, or allow a finding that is safe here with "
				+ "-- confiture:allow RULE reason on the line above its statement";
	}

}
