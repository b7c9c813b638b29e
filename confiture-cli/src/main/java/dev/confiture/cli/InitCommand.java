package dev.confiture.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import dev.confiture.core.Confiture;
import dev.confiture.core.config.ProjectInitOptions;
import dev.confiture.core.config.ProjectInitResult;

/**
 * {@code confiture init}: writes the project layout, never overwriting a file.
 */
@Command(name = "init", mixinStandardHelpOptions = true,
		description = { "Create the db/ layout: schema folders with examples, seeds, migrations and environments.",
				"Existing files are never overwritten, so running it twice is safe." })
class InitCommand implements Callable<Integer> {

	@Mixin
	OutputOptions output;

	@Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Project directory (default: .).")
	Path path = Path.of(".");

	@Override
	public Integer call() {
		ProjectInitResult result = Confiture.initProject(new ProjectInitOptions(this.path));
		Path project = result.project();
		List<String> created = result.created();
		List<String> kept = result.kept();
		PrintWriter out = this.output.out();
		if (this.output.json()) {
			Map<String, Object> document = new LinkedHashMap<>();
			document.put("ok", true);
			document.put("project", project.toString());
			document.put("created", created);
			document.put("kept", kept);
			Json.write(out, document);
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

}
