package dev.confiture.maven;

import java.io.File;
import java.nio.file.Path;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import dev.confiture.core.Confiture;
import dev.confiture.core.diff.DiffOptions;
import dev.confiture.core.diff.DiffRequest;
import dev.confiture.core.diff.DiffResult;
import dev.confiture.core.diff.DiffSource;
import dev.confiture.core.migrate.GenerateOptions;
import dev.confiture.core.migrate.GenerateResult;

/**
 * Shows the DDL that turns one schema into another, with its hazards, as
 * {@code confiture migrate diff}: {@code from} (a .sql file or a directory of DDL) or the
 * live database of environment {@code fromEnv}, to {@code to} (default
 * {@code db/schema}). With {@code generate} and {@code name}, writes it as a migration
 * and its reverse.
 */
@Mojo(name = "diff", threadSafe = true, requiresProject = false)
public class DiffMojo extends AbstractConfitureMojo {

	/**
	 * The current schema: a .sql file or a directory of DDL (relative to the project
	 * directory).
	 */
	@Parameter(property = "confiture.from")
	File from;

	/**
	 * The environment whose live database is the current schema, instead of {@code from}.
	 */
	@Parameter(property = "confiture.fromEnv")
	String fromEnv;

	/**
	 * The wanted schema: a .sql file or a directory of DDL (relative to the project
	 * directory).
	 */
	@Parameter(property = "confiture.to", defaultValue = "db/schema")
	File to;

	/**
	 * Writes the migration files instead of only showing the plan; needs {@code name}.
	 */
	@Parameter(property = "confiture.generate", defaultValue = "false")
	boolean generate;

	/** The migration name for {@code generate}, e.g. add_user_bio. */
	@Parameter(property = "confiture.name")
	String name;

	/**
	 * Generates even when a change can lose data, rewrite a table or block it for long.
	 */
	@Parameter(property = "confiture.allowHazards", defaultValue = "false")
	boolean allowHazards;

	/**
	 * Prefers forms that keep tables available (CREATE INDEX CONCURRENTLY, NOT VALID then
	 * VALIDATE).
	 */
	@Parameter(property = "confiture.online", defaultValue = "false")
	boolean online;

	@Override
	boolean requiresMigrationsDirectory() {
		return false;
	}

	@Override
	String goal() {
		return "diff";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws MojoFailureException {
		boolean fromDatabase = Parameters.isSet(this.fromEnv);
		if (fromDatabase == (this.from != null)) {
			throw Failures.of("Set either from (schema files) or fromEnv (a live database)",
					"e.g. -Dconfiture.fromEnv=local, or -Dconfiture.from=old/schema");
		}
		if (this.generate && !Parameters.isSet(this.name)) {
			throw Failures.of("generate needs a name", "Set -Dconfiture.name=NAME, e.g. add_user_bio");
		}
		Confiture confiture = confiture();
		DiffSource old;
		if (fromDatabase) {
			Confiture live = configure().environment(this.fromEnv).load();
			old = DiffSource.database("environment " + this.fromEnv + " (" + live.databaseDescription() + ")",
					live.connectionSource(), live.databaseDescription());
		}
		else {
			old = source(this.from);
		}
		DiffRequest request = new DiffRequest(old, source(this.to), new DiffOptions(this.online));
		if (this.generate) {
			GenerateResult result = confiture
				.generate(GenerateOptions.fromDiff(this.name, request).withAllowHazards(this.allowHazards));
			output.info(String.join("\n", result.diff().changeLines()));
			if (result.written()) {
				output.info("Created " + result.files().upFile());
				output.info("Created " + result.files().downFile());
				output.info("Review the files, then run ./mvnw confiture:migrate.");
			}
			reports.write(true, result);
			return;
		}
		DiffResult diff = confiture.diff(request);
		output.info(String.join("\n", diff.changeLines()));
		if (!diff.isEmpty()) {
			output.info("");
			output.info(diff.script());
		}
		reports.write(diff.isEmpty(), diff);
	}

	private DiffSource source(File file) {
		Path path = file.toPath();
		Path resolved = path.isAbsolute() ? path : projectDirectory().resolve(path);
		return new DiffSource(path.toString().replace('\\', '/'), resolved, null, null);
	}

}
