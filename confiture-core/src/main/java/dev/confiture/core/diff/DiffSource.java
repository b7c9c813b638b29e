package dev.confiture.core.diff;

import java.nio.file.Path;
import java.util.Objects;

import dev.confiture.core.config.ConnectionSource;

/**
 * One side of a diff: SQL files built into a throw-away database, or a live database read
 * as it is.
 *
 * @param label how reports name this side
 * @param files a {@code .sql} file or a directory of them, or {@code null} for a database
 * @param database the live database, or {@code null} for files
 * @param databaseDescription the live database for messages, without secrets
 */
public record DiffSource(String label, Path files, ConnectionSource database, String databaseDescription) {

	/** Checks that exactly one of files and database is given. */
	public DiffSource {
		Objects.requireNonNull(label, "label");
		if ((files == null) == (database == null)) {
			throw new IllegalArgumentException("A diff source is either files or a database");
		}
	}

	/** SQL files: a {@code .sql} file or a directory, labelled with its path. */
	public static DiffSource files(Path files) {
		return new DiffSource(files.toString().replace('\\', '/'), files, null, null);
	}

	/** A live database. */
	public static DiffSource database(String label, ConnectionSource database, String description) {
		return new DiffSource(label, null, database, description);
	}

}
