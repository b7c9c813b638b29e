package dev.confiture.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

import dev.confiture.core.Confiture;
import dev.confiture.core.build.BuildListener;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.build.BuildOptions.ExistingObjects;
import dev.confiture.core.build.BuildResult;
import dev.confiture.core.build.SchemaSources;

/**
 * Builds the database from {@code db/schema} (then the environment's seeds) in one
 * transaction, as {@code confiture build}. A failing statement is reported as file:line
 * and leaves the database as it was.
 */
@Mojo(name = "build", threadSafe = true, requiresProject = false,
		requiresDependencyResolution = ResolutionScope.RUNTIME)
public class BuildMojo extends AbstractConfitureMojo {

	/** Leaves the seed files out. */
	@Parameter(property = "confiture.schemaOnly", defaultValue = "false")
	boolean schemaOnly;

	/** Drops the database's user schemas first, in the same transaction. */
	@Parameter(property = "confiture.dropExisting", defaultValue = "false")
	boolean dropExisting;

	/** Does nothing when the database already has objects. */
	@Parameter(property = "confiture.ifEmpty", defaultValue = "false")
	boolean ifEmpty;

	/** Writes the ordered SQL to this file instead of running it (no database needed). */
	@Parameter(property = "confiture.output")
	File output;

	@Override
	boolean requiresMigrationsDirectory() {
		return false;
	}

	@Override
	String goal() {
		return "build";
	}

	@Override
	void run(MavenOutput output, Reports reports) throws org.apache.maven.plugin.MojoFailureException {
		if (this.dropExisting && this.ifEmpty) {
			throw Failures.of("dropExisting and ifEmpty exclude each other", "Set only one of them");
		}
		Confiture confiture = configure().buildListener(new Progress(output)).load();
		BuildOptions options = BuildOptions.defaults()
			.withSchemaOnly(this.schemaOnly)
			.withExisting(this.dropExisting ? ExistingObjects.DROP
					: this.ifEmpty ? ExistingObjects.SKIP : ExistingObjects.REFUSE);
		output.info("Building schema for environment: " + confiture.environment().name());
		if (this.output != null) {
			Path target = projectDirectory().resolve(this.output.toPath());
			long started = System.nanoTime();
			SchemaSources sources = confiture.writeBuild(options, target);
			long millis = (System.nanoTime() - started) / 1_000_000;
			int files = (this.schemaOnly ? sources.schemaFiles() : sources.allFiles()).size();
			output.info(String.format(Locale.ROOT, "Wrote %d files to %s in %s", files, target, Texts.seconds(millis)));
			reports.write(true,
					java.util.Map.of("output", target.toString(), "files", files, "hash", sources.schemaHash()));
			return;
		}
		BuildResult result = confiture.build(options);
		if (result.skipped()) {
			output.info("Skipped: " + result.skippedReason() + " (ifEmpty)");
		}
		else {
			output.info(String.format(Locale.ROOT, "Schema built successfully in %s (%d statements, schema hash %s)",
					Texts.seconds(result.duration().toMillis()), result.statementCount(),
					result.schemaHash().substring(0, 12)));
			if (!result.baselinedMigrations().isEmpty()) {
				output.info("Marked " + result.baselinedMigrations().size()
						+ " existing migration(s) as applied: the schema files already contain them");
			}
		}
		reports.write(true, result);
	}

	/**
	 * Logs what the build is doing: counts and what {@code dropExisting} drops.
	 */
	private static final class Progress implements BuildListener {

		private final MavenOutput output;

		Progress(MavenOutput output) {
			this.output = output;
		}

		@Override
		public void discovered(SchemaSources sources, boolean schemaOnly) {
			int seeds = schemaOnly ? 0 : sources.seedFiles().size();
			this.output.info(String.format(Locale.ROOT, "Found %d SQL files (%d schema, %d seed%s)",
					sources.schemaFiles().size() + seeds, sources.schemaFiles().size(), seeds,
					(schemaOnly && !sources.seedFiles().isEmpty())
							? ", " + sources.seedFiles().size() + " left out by schemaOnly" : ""));
		}

		@Override
		public void dropping(List<String> schemas) {
			this.output.warn("Dropping existing schemas (dropExisting): " + String.join(", ", schemas));
		}

	}

}
