package dev.confiture.core.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.sql.SqlText;
import dev.confiture.core.build.SchemaFile;
import dev.confiture.core.build.SchemaHash;
import dev.confiture.core.build.SchemaSources;

/**
 * One SQL script to load into a throw-away database.
 *
 * @param name where it came from, for messages (a path)
 * @param text the script
 */
public record SqlSource(String name, String text) {

	public SqlSource {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(text, "text");
	}

	/**
	 * The DDL at a path: a {@code .sql} file, or the schema files of a directory
	 * (recursively, in build order, without seed files).
	 * @param path a file or directory
	 * @return the scripts, in order
	 * @throws ConfitureException if the path cannot be read
	 */
	public static List<SqlSource> of(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		if (Files.isDirectory(absolute)) {
			SchemaSources sources = SchemaSources.discover(absolute, List.of(absolute), List.of(), List.of());
			return sources.schemaFiles().stream().map(SqlSource::of).toList();
		}
		if (!Files.isRegularFile(absolute)) {
			throw new ConfitureException(Category.SCHEMA, "Schema file not found: " + path,
					"Pass a .sql file or a directory of .sql files");
		}
		return List.of(read(absolute, path.toString()));
	}

	/**
	 * The scripts of schema files.
	 * @param file a schema file
	 * @return the script
	 */
	public static SqlSource of(SchemaFile file) {
		return new SqlSource(file.displayPath(), new String(SchemaHash.read(file), StandardCharsets.UTF_8));
	}

	private static SqlSource read(Path file, String name) {
		try {
			return new SqlSource(name, SqlText.decode(Files.readAllBytes(file), name));
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.SCHEMA, "Could not read " + file + ": " + ex.getMessage(),
					"Check that the file exists and is readable UTF-8", ex);
		}
	}

}
