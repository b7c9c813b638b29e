package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.List;

import dev.confiture.core.Confiture;
import dev.confiture.core.adopt.SchemaExportOptions;
import dev.confiture.core.adopt.SchemaExportResult;

/**
 * {@code confiture init --from-database}: writes the environment's schema files from its
 * live database and proves them.
 */
final class InitFromDatabase {

	private InitFromDatabase() {
	}

	static int run(EnvironmentOptions environment, OutputOptions output, ShadowServerOptions shadow,
			List<String> schemas, List<String> exclude, boolean force, boolean baseline) {
		Confiture confiture = shadow.configure(environment).load();
		SchemaExportOptions options = SchemaExportOptions.defaults()
			.withSchemas(schemas)
			.withExclude(exclude)
			.withOverwrite(force)
			.withBaseline(baseline);
		SchemaExportResult result = confiture.writeSchemaFromDatabase(options);
		PrintWriter out = output.out();
		String name = confiture.environment().name();
		if (output.json()) {
			Json.write(out, new ExportDocument(result.verified(), name, result.database(), result.schemaDirectory(),
					result.files(), result.objectCount(), result.deferred(), result.otherFiles(), result.verified(),
					result.differences(), result.reprinted(), result.baselineRecorded(), result.baselined()));
		}
		else {
			out.println("Wrote " + result.files().size() + " schema files to " + result.schemaDirectory() + " from "
					+ result.database() + " (" + result.objectCount() + " objects):");
			result.files().forEach((file) -> out.println("  " + file));
			if (!result.deferred().isEmpty()) {
				out.println("In the last file because a build would otherwise run them before what they need:");
				result.deferred().forEach((step) -> out.println("  " + step));
			}
			if (!result.otherFiles().isEmpty()) {
				out.println("Also in " + result.schemaDirectory() + " and not written now (left out of the proof, but "
						+ "part of every build):");
				result.otherFiles().forEach((file) -> out.println("  " + file));
			}
			if (!result.reprinted().isEmpty()) {
				out.println(
						result.reprinted().size() + " constraint(s) come back from a build with PostgreSQL printing "
								+ "the same check differently (casts moved), e.g. " + result.reprinted().get(0)
								+ "; not counted as differences.");
			}
			if (result.verified()) {
				out.println(
						"Proved: a build of these files into a throw-away database has the catalog of the database.");
			}
			else {
				out.println("NOT proved: a build of these files differs from the database in "
						+ result.differences().size() + " way(s). To match the database it would need to:");
				result.differences().forEach((difference) -> out.println("  " + difference));
				out.println(
						"Correct the files named by these differences, then check with: confiture migrate verify --env "
								+ name);
			}
			if (result.baselineRecorded()) {
				out.println("Recorded a build in the database and marked " + result.baselined().size()
						+ " migration(s) as applied: confiture migrate status --env " + name + " is clean.");
			}
			else if (baseline) {
				out.println("No baseline was recorded because the files are not proved.");
			}
			else {
				out.println("Next: review and commit " + result.schemaDirectory() + "; then record the baseline with "
						+ "confiture init --from-database --env " + name
						+ " --force --baseline, or bring a Flyway history "
						+ "over with confiture migrate import-flyway --env " + name + ".");
			}
		}
		out.flush();
		return result.verified() ? ExitCodes.OK : 1;
	}

	/**
	 * The document of {@code init --from-database}: the files written and whether a build
	 * proved them.
	 */
	record ExportDocument(boolean ok, String environment, String database, String schemaDirectory, List<String> files,
			int objects, List<String> deferred, List<String> otherFiles, boolean verified, List<String> differences,
			List<String> reprinted, boolean baselineRecorded, List<String> baselined) {
	}

}
