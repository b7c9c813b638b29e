package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import dev.confiture.core.migrate.GenerateOptions;
import dev.confiture.core.migrate.GeneratedMigration;

/**
 * {@code confiture migrate generate NAME}: writes an empty pair of migration files.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
		description = { "Write {version}_{name}.up.sql and .down.sql with the next version, following the folder's "
				+ "style (001 numbers or YYYYMMDDHHMMSS timestamps). Never overwrites; does not connect." })
class MigrateGenerateCommand implements Callable<Integer> {

	@Mixin
	EnvironmentOptions environment;

	@Mixin
	OutputOptions output;

	@Parameters(index = "0", paramLabel = "NAME", description = "The migration name, such as add_user_bio.")
	String name;

	@Override
	public Integer call() {
		PrintWriter out = this.output.out();
		GeneratedMigration generated = this.environment.configure()
			.load()
			.generate(GenerateOptions.empty(this.name))
			.files();
		if (this.output.json()) {
			Json.write(out, new GenerateDocument(true, generated.version(), generated.name(),
					generated.upFile().toString(), generated.downFile().toString()));
		}
		else {
			out.println("Created " + generated.upFile());
			out.println("Created " + generated.downFile());
			out.println("Write the change in the .up.sql and its undo in the .down.sql (delete the .down.sql if it "
					+ "cannot be undone), update db/schema to match, then run confiture migrate up.");
		}
		out.flush();
		return ExitCodes.OK;
	}

	/** The document of {@code migrate generate}. */
	record GenerateDocument(boolean ok, String version, String name, String upFile, String downFile) {

	}

}
