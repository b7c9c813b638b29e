package dev.confiture.core.adopt;

import java.util.List;

import dev.confiture.core.server.PostgresServer;

/**
 * How to write schema files from a live database.
 *
 * @param schemas the schemas to write (all user schemas when empty)
 * @param exclude patterns of objects to leave out ({@code *} matches any text), matched
 * against the name and the schema-qualified name, e.g. {@code tmp_*} or {@code archive.*}
 * @param overwrite whether existing files may be overwritten
 * @param baseline whether to record a build and mark every migration as applied in the
 * live database once the files are verified
 * @param shadowServer the server for the throw-away database that proves the files, or
 * {@code null} for the live database's server
 */
public record SchemaExportOptions(List<String> schemas, List<String> exclude, boolean overwrite, boolean baseline,
		PostgresServer shadowServer) {

	public SchemaExportOptions {
		schemas = List.copyOf(schemas);
		exclude = List.copyOf(exclude);
	}

	/**
	 * All schemas, nothing excluded, no overwrite, no baseline, the live database's
	 * server.
	 */
	public static SchemaExportOptions defaults() {
		return new SchemaExportOptions(List.of(), List.of(), false, false, null);
	}

	/** These options with the given schemas. */
	public SchemaExportOptions withSchemas(List<String> schemas) {
		return new SchemaExportOptions(schemas, this.exclude, this.overwrite, this.baseline, this.shadowServer);
	}

	/** These options with the given exclusion patterns. */
	public SchemaExportOptions withExclude(List<String> exclude) {
		return new SchemaExportOptions(this.schemas, exclude, this.overwrite, this.baseline, this.shadowServer);
	}

	/** These options, allowing existing files to be overwritten or not. */
	public SchemaExportOptions withOverwrite(boolean overwrite) {
		return new SchemaExportOptions(this.schemas, this.exclude, overwrite, this.baseline, this.shadowServer);
	}

	/** These options, recording a baseline or not. */
	public SchemaExportOptions withBaseline(boolean baseline) {
		return new SchemaExportOptions(this.schemas, this.exclude, this.overwrite, baseline, this.shadowServer);
	}

	/** These options with the given shadow server. */
	public SchemaExportOptions withShadowServer(PostgresServer shadowServer) {
		return new SchemaExportOptions(this.schemas, this.exclude, this.overwrite, this.baseline, shadowServer);
	}

}
