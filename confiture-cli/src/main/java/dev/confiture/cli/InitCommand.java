package dev.confiture.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ProjectInitOptions;
import dev.confiture.core.config.ProjectInitResult;

/**
 * {@code confiture init}: writes the project layout, never overwriting a file.
 */
@Command(name = "init", mixinStandardHelpOptions = true, description = {
		"Create the db/ layout: schema folders with examples, seeds, migrations and environments.",
		"Existing files are never overwritten, so running it twice is safe.",
		"With --from-database --env ENV: write db/schema from the environment's live database instead, one file "
				+ "per object, and prove it by building it into a throw-away database (exit 1 if it differs)." })
class InitCommand implements Callable<Integer> {

	@Mixin
	OutputOptions output;

	@Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Project directory (default: .).")
	Path path = Path.of(".");

	@Option(names = "--from-database",
			description = "Write db/schema from the live database of --env (read only), one file per object, then prove it.")
	boolean fromDatabase;

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	ShadowServerOptions shadow;

	@Option(names = "--schemas", split = ",", paramLabel = "SCHEMA",
			description = "With --from-database: only these schemas (comma-separated; default: every user schema).")
	List<String> schemas = new ArrayList<>();

	@Option(names = "--exclude", split = ",", paramLabel = "PATTERN",
			description = "With --from-database: leave out objects whose name or schema.name matches (* and ? "
					+ "wildcards), e.g. tmp_*,archive.*.")
	List<String> exclude = new ArrayList<>();

	@Option(names = "--force",
			description = "With --from-database: overwrite schema files that exist (default: refuse, writing nothing).")
	boolean force;

	@Option(names = "--baseline", description = "With --from-database: once proved, record a build in the database "
			+ "and mark every migration as applied.")
	boolean baseline;

	@Override
	public Integer call() {
		if (this.fromDatabase) {
			return InitFromDatabase.run(this.environment, this.output, this.shadow, this.schemas, this.exclude,
					this.force, this.baseline);
		}
		if (this.force || this.baseline || !this.schemas.isEmpty() || !this.exclude.isEmpty()) {
			throw new ConfitureException(Category.CONFIG,
					"--force, --baseline, --schemas and --exclude work with " + "--from-database only",
					"Add --from-database --env ENV, or drop them");
		}
		ProjectInitResult result = Confiture.initProject(new ProjectInitOptions(this.path));
		Path project = result.project();
		List<String> created = result.created();
		List<String> kept = result.kept();
		PrintWriter out = this.output.out();
		if (this.output.json()) {
			Json.write(out, new InitDocument(true, project.toString(), created, kept));
		}
		else {
			out.println("Initialised Confiture project in " + project);
			created.forEach((file) -> out.println("  created " + file));
			kept.forEach((file) -> out.println("  kept    " + file + " (already exists)"));
			out.println();
			out.println("Next: edit db/environments/local.yaml, put your DDL in db/schema/, then run");
			out.println("  confiture build --env local");
		}
		return ExitCodes.OK;
	}

	/** The document of {@code init}: the project and the files created or kept. */
	record InitDocument(boolean ok, String project, List<String> created, List<String> kept) {
	}

}
