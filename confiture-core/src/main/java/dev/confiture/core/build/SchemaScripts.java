package dev.confiture.core.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.confiture.core.catalog.SqlSource;
import dev.confiture.core.config.Environment;

/**
 * Schema files as scripts to load into a throw-away database, in build order and without
 * seed files.
 */
public final class SchemaScripts {

	private SchemaScripts() {
	}

	/**
	 * The schema files of an environment.
	 * @param environment the environment
	 * @return the scripts, in build order
	 */
	public static List<SqlSource> of(Environment environment) {
		return SchemaSources.discover(environment).schemaFiles().stream().map(SchemaScripts::of).toList();
	}

	/**
	 * The DDL at a path: a {@code .sql} file, or the schema files of a directory
	 * (recursively, in build order, without seed files).
	 * @param path a file or directory
	 * @return the scripts, in order
	 * @throws dev.confiture.core.api.ConfitureException if the path cannot be read
	 */
	public static List<SqlSource> of(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		if (!Files.isDirectory(absolute)) {
			return List.of(SqlSource.file(path));
		}
		return SchemaSources.discover(absolute, List.of(absolute), List.of(), List.of())
			.schemaFiles()
			.stream()
			.map(SchemaScripts::of)
			.toList();
	}

	/**
	 * The script of one schema file.
	 * @param file a schema file
	 * @return the script
	 */
	public static SqlSource of(SchemaFile file) {
		return new SqlSource(file.displayPath(), new String(SchemaHash.read(file), StandardCharsets.UTF_8));
	}

}
