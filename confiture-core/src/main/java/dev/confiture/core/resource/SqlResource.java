package dev.confiture.core.resource;

import java.io.IOException;

/**
 * One SQL file, read where it lives: on disk, on the classpath, inside a jar. Nothing is
 * copied: {@link #content()} reads it each time it is called.
 */
public interface SqlResource {

	/**
	 * Its path relative to the project, with {@code /} separators (e.g.
	 * {@code db/schema/10_tables/users.sql}): what files are ordered and schema hashes
	 * are computed on, so it is the same wherever the file is read from.
	 * @return the relative path
	 */
	String relativePath();

	/**
	 * Its path within its {@link SqlLocation}, with {@code /} separators (e.g.
	 * {@code 10_tables/users.sql}).
	 * @return the path within the location
	 */
	String pathInLocation();

	/**
	 * The file as messages name it: {@code db/schema/10_tables/users.sql} on disk,
	 * {@code classpath:db/migrations/003_x.up.sql} or {@code file:/srv/app/db/x.sql} for
	 * a resource location.
	 * @return the display path
	 */
	String displayPath();

	/**
	 * A cheap value that changes when the file changes (e.g. its size and modification
	 * time), read without reading the content.
	 * @return the stamp
	 */
	String stamp();

	/**
	 * Reads the file.
	 * @return its bytes, as stored
	 * @throws IOException if it cannot be read
	 */
	byte[] content() throws IOException;

	/**
	 * The last segment of {@link #pathInLocation()}.
	 * @return the file name
	 */
	default String fileName() {
		String path = pathInLocation();
		return path.substring(path.lastIndexOf('/') + 1);
	}

}
