package dev.confiture.core.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.sql.SqlText;

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
	 * The script of one {@code .sql} file.
	 * @param file the file
	 * @return the script, named after the path as given
	 * @throws ConfitureException if the file does not exist or cannot be read
	 */
	public static SqlSource file(Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		if (!Files.isRegularFile(absolute)) {
			throw new ConfitureException(Category.SCHEMA, "Schema file not found: " + file,
					"Pass a .sql file or a directory of .sql files");
		}
		return read(absolute, file.toString());
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
