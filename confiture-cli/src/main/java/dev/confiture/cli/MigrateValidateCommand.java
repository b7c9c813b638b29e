package dev.confiture.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import dev.confiture.cli.ErrorHandler.ErrorBody;
import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.Environment;
import dev.confiture.core.config.MigrationSettings;
import dev.confiture.core.lint.LintMode;
import dev.confiture.core.validate.ValidationOptions;
import dev.confiture.core.validate.ValidationReport;

/**
 * {@code confiture migrate validate}: git-aware checks of schema changes, for pre-commit
 * hooks and CI.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, description = {
		"Check the schema changes since a git ref (or the staged ones): a changed schema file needs "
				+ "a new or changed migration (--require-migration), and the new migrations must turn the old "
				+ "schema into the new schema files, object by object (--check-drift). Without either flag, both run.",
		"The migrations added since the base are also linted (see migrate lint and --lint).",
		"Exit code: 0 passed, 1 a check failed, 7 git problem (unknown ref, shallow clone, not a repository)." })
class MigrateValidateCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Mixin
	ShadowServerOptions shadow;

	@Option(names = "--require-migration",
			description = "Fail when schema files changed without a new or changed migration; lists the schema files.")
	boolean requireMigration;

	@Option(names = "--check-drift", description = "Build the base ref's schema in a throw-away database, apply the "
			+ "new migrations, compare with a fresh build of the new schema files and name every difference.")
	boolean checkDrift;

	@Option(names = { "--base-ref", "--since" }, paramLabel = "REF",
			description = "Compare with the merge base of REF and HEAD (default: " + ValidationOptions.DEFAULT_BASE_REF
					+ "; with --staged: HEAD).")
	String baseRef;

	@Option(names = "--staged",
			description = "Judge the staged changes (the index) instead of HEAD; unstaged edits are ignored.")
	boolean staged;

	@Option(names = "--lint", paramLabel = "fail|warn|off",
			description = "Lint the migrations added since the base (see migrate lint): fail fails the validation when "
					+ "they have lint errors, warn lists the findings, off skips it. Default: the environment file's "
					+ "lint, else fail for an environment marked protected: true or named production or prod, warn "
					+ "otherwise.")
	String lint;

	@Option(names = "--lint-measure", negatable = true,
			description = "Run the added migrations on a shadow database for the lint instead of linting their text "
					+ "only. Default: the environment file's lint_measure, else off.")
	Boolean lintMeasure;

	@Option(names = { "--output", "-o" }, paramLabel = "FILE",
			description = "Write the report (text or json, see --format) to FILE instead of standard output.")
	Path outputFile;

	@Override
	public Integer call() {
		PrintWriter out = this.output.out();
		try {
			String mode = (this.lint != null) ? LintMode.parse(this.lint, "--lint").name() : null;
			Confiture confiture = this.shadow.configure(this.environment)
				.requireMigrationsDirectory(true)
				.migrationSettings(new MigrationSettings(mode, this.lintMeasure, null, null, null))
				.load();
			Environment environment = confiture.environment();
			ValidationReport report = confiture
				.validate(new ValidationOptions(this.baseRef, this.staged, this.requireMigration, this.checkDrift));
			String document = this.output.json() ? json(report) : text(environment.name(), report);
			if (this.outputFile != null) {
				write(document);
				out.println(summary(report) + " Report written to " + this.outputFile + ".");
			}
			else {
				out.print(document);
			}
			out.flush();
			return report.passed() ? ExitCodes.OK : 1;
		}
		catch (ConfitureException ex) {
			if (this.outputFile != null) {
				write(error(ex));
			}
			throw ex;
		}
	}

	private static String text(String environment, ValidationReport report) {
		return String.join(System.lineSeparator(), report.lines(environment, RemedyText::of)) + System.lineSeparator();
	}

	private static String summary(ValidationReport report) {
		return report.summary();
	}

	private static String json(ValidationReport report) {
		List<CheckDocument> checks = report.checks()
			.stream()
			.map((check) -> new CheckDocument(check.name(), check.status().name().toLowerCase(Locale.ROOT),
					check.details(), (check.remedy() != null) ? RemedyText.of(check.remedy()) : null))
			.toList();
		return toJson(new ValidationDocument(report.passed() ? "passed" : "failed", report.base(), report.target(),
				report.changedFiles(), report.databasesCreated(), checks));
	}

	private String error(ConfitureException ex) {
		ErrorBody error = new ErrorBody(ex.category().name().toLowerCase(Locale.ROOT), ExitCodes.of(ex.category()),
				ConnectionSettings.sanitize(ex.getMessage()), ConnectionSettings.sanitize(RemedyText.of(ex)));
		if (!this.output.json()) {
			return "Error: " + error.message() + ((RemedyText.of(ex) != null) ? "\nHint: " + error.hint() : "") + "\n";
		}
		return toJson(new ErrorDocument("error", error, List.of()));
	}

	private static String toJson(Object document) {
		StringWriter json = new StringWriter();
		Json.write(new PrintWriter(json), document);
		return json.toString();
	}

	private void write(String document) {
		try {
			Path file = this.environment.projectDirectory().resolve(this.outputFile);
			if (file.getParent() != null) {
				Files.createDirectories(file.getParent());
			}
			Files.writeString(file, document, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.GENERIC,
					"Could not write the report to " + this.outputFile + ": " + ex.getMessage(),
					"Check that the directory exists and is writable", ex);
		}
	}

	/** The report of {@code migrate validate}. */
	record ValidationDocument(String status, String base, String target, List<String> changedFiles,
			int databasesCreated, List<CheckDocument> checks) {

	}

	/** One check of the report; the hint only when the check has a remedy. */
	record CheckDocument(String name, String status, List<String> details, @JsonInclude(Include.NON_NULL) String hint) {

	}

	/**
	 * The report written when the validation could not run; the error as every command
	 * writes it.
	 */
	record ErrorDocument(String status, ErrorBody error, List<CheckDocument> checks) {

	}

}
