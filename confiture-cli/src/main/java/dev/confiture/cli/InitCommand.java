package dev.confiture.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

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
		Path project = this.path.toAbsolutePath().normalize();
		Path name = project.getFileName();
		List<String> created = new ArrayList<>();
		List<String> kept = new ArrayList<>();
		try {
			for (Map.Entry<String, String> entry : ProjectLayout.files((name != null) ? name.toString() : "app")
				.entrySet()) {
				Path target = project.resolve(entry.getKey());
				if (Files.exists(target)) {
					kept.add(entry.getKey());
				}
				else {
					Files.createDirectories(target.getParent());
					Files.writeString(target, entry.getValue());
					created.add(entry.getKey());
				}
			}
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.CONFIG, "Could not write the project layout in " + project + ": "
					+ ex.getMessage(), "Check that the directory is writable", ex);
		}
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
