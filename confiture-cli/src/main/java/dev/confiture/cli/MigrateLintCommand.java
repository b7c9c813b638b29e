package dev.confiture.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import dev.confiture.core.Confiture;
import dev.confiture.core.config.Environment;
import dev.confiture.core.lint.LintOptions;
import dev.confiture.core.lint.LintResult;
import dev.confiture.core.server.PostgresServer;

/**
 * {@code confiture migrate lint}: what migrations would do to live tables, measured on a
 * shadow database.
 */
@Command(name = "lint", mixinStandardHelpOptions = true,
		description = { "Check migrations before they reach production: each statement runs on a shadow database "
				+ "that starts from the live database's schema (only read) or from the earlier migrations, and "
				+ "PostgreSQL says which locks it takes and which tables it rewrites; the text and catalog tell the "
				+ "rest (missing CONCURRENTLY or NOT VALID, drops and renames, lock_timeout). Findings are ranked by "
				+ "the live size of the table. Suppress one with -- confiture:allow RULE reason.",
				"Default: the pending migrations (every migration when the database cannot be reached).",
				"Exit code: 0 clean or warnings only, 1 errors found, 3 database, 4 a file cannot be read or split, "
						+ "5 usage, 7 git." })
class MigrateLintCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	ShadowServerOptions shadow;

	@Option(names = { "--format", "-f" }, defaultValue = "text", paramLabel = "text|json|sarif",
			description = "Output format: text, json, or sarif (SARIF 2.1.0 for GitHub code scanning).")
	String format = "text";

	@Option(names = "--no-shadow", description = "Do not run anything: lint from the statements' text only.")
	boolean noShadow;

	@Option(names = { "--base-ref", "--since" }, paramLabel = "REF",
			description = "Lint the migrations added since the merge base of REF and HEAD.")
	String baseRef;

	@Option(names = "--staged", description = "Lint the migrations added in the index (staged).")
	boolean staged;

	@Parameters(arity = "0..*", paramLabel = "FILE", description = "Migration files to lint.")
	List<Path> files = new ArrayList<>();

	@Override
	public Integer call() {
		if (!List.of("text", "json", "sarif").contains(this.format)) {
			throw new ParameterException(this.spec.commandLine(),
					"Unknown --format '" + this.format + "'; use text, json or sarif");
		}
		if (!this.files.isEmpty() && (this.baseRef != null || this.staged)) {
			throw new ParameterException(this.spec.commandLine(), "Pass FILE... or --base-ref/--staged, not both");
		}
		Confiture confiture = this.environment.configure().requireMigrationsDirectory(true).load();
		Environment environment = confiture.environment();
		PrintWriter out = this.spec.commandLine().getOut();
		Supplier<PostgresServer> server = this.shadow.server();
		LintOptions options = new LintOptions(this.files, !this.noShadow, (server != null) ? server.get() : null,
				this.baseRef, this.staged);
		LintResult result = confiture.lint(options);
		print(out, environment.name(), result);
		return result.hasErrors() ? 1 : ExitCodes.OK;
	}

	private void print(PrintWriter out, String environment, LintResult result) {
		switch (this.format) {
			case "json" -> Json.write(out, result.document());
			case "sarif" -> Json.write(out, result.sarif());
			default -> result.lines(environment).forEach(out::println);
		}
		out.flush();
	}

}
