package dev.confiture.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.config.Environment;
import dev.confiture.core.diff.DiffOptions;
import dev.confiture.core.diff.DiffRequest;
import dev.confiture.core.diff.DiffResult;
import dev.confiture.core.diff.DiffSource;
import dev.confiture.core.diff.Plan;
import dev.confiture.core.migrate.GenerateOptions;
import dev.confiture.core.migrate.GenerateResult;
import dev.confiture.core.migrate.GeneratedMigration;
import dev.confiture.core.migrate.SchemaEditOptions;
import dev.confiture.core.migrate.SchemaEditResult;

/**
 * {@code confiture migrate diff OLD NEW}: the DDL that turns the OLD schema into the NEW
 * one, read by building both into throw-away databases; with {@code --generate}, written
 * as a migration.
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
		description = { "Show the DDL that turns OLD into NEW (each a .sql file or a directory of DDL; "
				+ "OLD may be a live database with --from-env), with its hazards. With --generate --name NAME, "
				+ "write it as {version}_{name}.up.sql and a .down.sql (the reverse diff) in the migrations "
				+ "directory.", "Exit code: 0 no changes (or migration written), 1 changes found." })
class MigrateDiffCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Mixin
	ShadowServerOptions shadow;

	@Parameters(arity = "0..2", paramLabel = "OLD NEW",
			description = "The current and the wanted schema: .sql files or directories (only NEW with --from-env). "
					+ "With neither and --generate, OLD is what the migrations produce (the schema files at the base "
					+ "ref plus every migration added since, replayed) and NEW is the working tree's schema files.")
	List<Path> schemas = new ArrayList<>();

	@Option(names = "--from-env", paramLabel = "ENV",
			description = "Use the live database of environment ENV as the current schema.")
	String fromEnvironment;

	@Option(names = "--generate", description = "Write the migration files instead of only showing the plan.")
	boolean generate;

	@Option(names = "--name", paramLabel = "NAME",
			description = "The migration name for --generate, e.g. add_user_bio.")
	String name;

	@Option(names = "--allow-hazards",
			description = "Generate even when a change can lose data, rewrite a table or block it for long.")
	boolean allowHazards;

	@Option(names = "--online",
			description = "Prefer forms that keep tables available: CREATE INDEX CONCURRENTLY "
					+ "(the migration then runs outside a transaction), constraints added NOT VALID then validated, "
					+ "SET NOT NULL through a validated check.")
	boolean online;

	@Option(names = "--base-ref", paramLabel = "REF",
			description = "Without OLD and NEW: the git ref whose merge base with HEAD holds the base schema files "
					+ "(default origin/main, as for migrate validate).")
	String baseRef;

	@Override
	public Integer call() {
		if (this.schemas.isEmpty() && this.fromEnvironment == null) {
			return generateFromSchemaEdits();
		}
		if (this.baseRef != null) {
			throw new ParameterException(this.spec.commandLine(), "--base-ref applies only without OLD and NEW");
		}
		int expected = (this.fromEnvironment != null) ? 1 : 2;
		if (this.schemas.size() != expected) {
			throw new ParameterException(this.spec.commandLine(), (this.fromEnvironment != null)
					? "With --from-env, pass only the NEW schema" : "Pass the OLD and the NEW schema");
		}
		if (this.generate && (this.name == null || this.name.isBlank())) {
			throw new ParameterException(this.spec.commandLine(), "--generate needs --name NAME");
		}
		Confiture project = loadProject();
		DiffSource from;
		if (this.fromEnvironment != null) {
			Confiture live = this.environment.configure().environment(this.fromEnvironment).load();
			from = DiffSource.database("environment " + this.fromEnvironment + " (" + live.database() + ")",
					live.database(), live.database().toString());
		}
		else {
			from = files(this.schemas.get(0));
		}
		DiffRequest request = new DiffRequest(from, files(this.schemas.get(this.schemas.size() - 1)),
				new DiffOptions(this.online));
		DiffResult diff;
		GeneratedMigration generated = null;
		if (this.generate) {
			GenerateResult result = project
				.generate(GenerateOptions.fromDiff(this.name, request).withAllowHazards(this.allowHazards));
			diff = result.diff();
			generated = result.files();
		}
		else {
			diff = project.diff(request);
		}
		Plan up = diff.up();
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.output.json()) {
			Json.write(out, MigrateDiffDocuments.DiffDocument.of(diff, generated));
		}
		else {
			printText(out, diff, generated);
		}
		out.flush();
		if (generated != null || up.isEmpty()) {
			return ExitCodes.OK;
		}
		return 1;
	}

	/**
	 * {@code --generate --name NAME} with no OLD and NEW: the migration for the edits of
	 * the schema files since what the migrations produce.
	 */
	private int generateFromSchemaEdits() {
		if (!this.generate || this.name == null || this.name.isBlank()) {
			throw new ParameterException(this.spec.commandLine(),
					"Pass the OLD and the NEW schema, or neither with --generate --name NAME (the migration for the "
							+ "edits of the schema files since what the migrations produce)");
		}
		Confiture project = this.shadow.configure(this.environment).load();
		SchemaEditResult result = project.generateFromSchemaEdits(
				new SchemaEditOptions(this.name, this.baseRef, new DiffOptions(this.online), this.allowHazards));
		DiffResult diff = result.diff();
		PrintWriter out = this.spec.commandLine().getOut();
		if (this.output.json()) {
			Json.write(out, MigrateDiffDocuments.SchemaEditDocument.of(result));
		}
		else if (result.upToDate()) {
			out.println("The migrations already produce the schema files: " + diff.from() + " is " + diff.to()
					+ ". Nothing written.");
			diff.up().notes().forEach((note) -> out.println("NOTE: " + note));
		}
		else {
			printText(out, diff, result.files());
		}
		out.flush();
		return ExitCodes.OK;
	}

	/**
	 * The project, with the shadow server of the options. Without a project (no
	 * environment file), a diff of two file sets still works: it then runs on a bare
	 * environment.
	 */
	private Confiture loadProject() {
		Confiture.Configuration configuration = this.shadow.configure(this.environment);
		try {
			return configuration.load();
		}
		catch (ConfitureException ex) {
			if (this.generate || this.fromEnvironment != null) {
				throw ex;
			}
			Path directory = this.environment.projectDirectory();
			return Confiture.configure()
				.environment(new Environment("none", null, directory, List.of(), List.of(), List.of(), null,
						directory.resolve("db").resolve("migrations"), Environment.DEFAULT_TRACKING_TABLE))
				.shadowServer(this.shadow.server())
				.load();
		}
	}

	private DiffSource files(Path path) {
		Path resolved = path.isAbsolute() ? path : this.environment.projectDirectory().resolve(path);
		return new DiffSource(path.toString().replace('\\', '/'), resolved, null, null);
	}

	private static void printText(PrintWriter out, DiffResult diff, GeneratedMigration generated) {
		diff.changeLines().forEach(out::println);
		if (diff.isEmpty()) {
			return;
		}
		if (generated != null) {
			out.println("Created " + generated.upFile());
			out.println("Created " + generated.downFile());
			out.println("Review the files, then run confiture migrate up.");
		}
		else {
			out.println();
			out.print(diff.script());
		}
	}

}
