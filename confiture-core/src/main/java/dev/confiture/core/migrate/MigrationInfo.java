package dev.confiture.core.migrate;

/**
 * A migration found on disk or on the classpath.
 *
 * @param version the version as written, such as {@code 001}
 * @param name the name, such as {@code add_user_bio}
 * @param kind {@link MigrationKind#SQL} or {@link MigrationKind#JAVA}
 * @param location the up file or the Java class name
 * @param checksum SHA-256 of the normalised up file, or {@code null} for Java migrations
 * @param reversible whether it has a {@code .down.sql} or a Java {@code down}
 */
public record MigrationInfo(String version, String name, MigrationKind kind, String location, String checksum,
		boolean reversible) {

	/** {@code version_name}, as used in messages. */
	public String displayName() {
		return this.version + "_" + this.name;
	}

}
