package dev.confiture.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.confiture.core.migrate.GenerateOptions;
import dev.confiture.core.migrate.GenerateResult;
import dev.confiture.core.migrate.GeneratedMigration;

/**
 * Writes an empty {@code {version}_{name}.up.sql} and {@code .down.sql} with the next
 * version in the migrations directory, as {@code confiture migrate generate NAME}. To
 * write the diff of two schemas as a migration, use the {@code diff} goal with
 * {@code generate}.
 */
@Mojo(name = "generate", threadSafe = true, requiresProject = false)
public class GenerateMojo extends AbstractConfitureMojo {

	/** The migration's name, e.g. add_user_bio. */
	@Parameter(property = "confiture.name", required = true)
	String name;

	@Override
	boolean requiresMigrationsDirectory() {
		return false;
	}

	@Override
	String goal() {
		return "generate";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		GenerateResult result = confiture().generate(GenerateOptions.empty(this.name));
		GeneratedMigration files = result.files();
		output.info("Created " + files.upFile());
		output.info("Created " + files.downFile());
		reports.write(true, files);
	}

}
