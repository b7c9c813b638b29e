package dev.confiture.core.build;

import dev.confiture.core.resource.SqlResource;

/**
 * One SQL file of a build.
 *
 * @param resource where the file is read from
 * @param seed whether the file holds seed data rather than schema DDL
 */
public record SchemaFile(SqlResource resource, boolean seed) {

	/**
	 * Its path relative to the project directory, with {@code /} separators; used for
	 * ordering and hashing.
	 * @return the relative path
	 */
	public String relativePath() {
		return this.resource.relativePath();
	}

	/**
	 * The file as messages name it (e.g. {@code db/schema/10_tables/users.sql} or
	 * {@code classpath:db/schema/10_tables/users.sql}).
	 * @return the display path
	 */
	public String displayPath() {
		return this.resource.displayPath();
	}

}
