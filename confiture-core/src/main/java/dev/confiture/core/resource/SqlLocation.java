package dev.confiture.core.resource;

import java.util.List;

/**
 * Where SQL files live: a directory, a classpath location, a location inside a jar. A
 * named set of {@link SqlResource}s, listed each time it is asked (so a changed directory
 * is seen) and never copied.
 */
public interface SqlLocation {

	/**
	 * The location as messages name it, e.g. {@code db/schema} or
	 * {@code classpath:db/migrations}.
	 * @return the description
	 */
	String description();

	/**
	 * Whether the location is there at all; a missing one holds no file.
	 * @return whether it exists
	 */
	boolean exists();

	/**
	 * Every {@code .sql} file under the location, recursively, leaving out hidden files
	 * and directories (names starting with {@code .}), ordered by
	 * {@link SqlResource#relativePath()}.
	 * @return the files
	 * @throws dev.confiture.core.api.ConfitureException if the location cannot be read
	 */
	List<SqlResource> resources();

}
