package dev.confiture.core.migrate;

import java.util.Locale;

/**
 * Where a migration comes from, or how it was recorded.
 */
public enum MigrationKind {

	/** A {@code {version}_{name}.up.sql} file. */
	SQL,

	/** A {@link JavaMigration}. */
	JAVA,

	/** Recorded as applied without running, because the schema already contained it. */
	BASELINE;

	/** The lower-case name stored in the tracking table. */
	public String id() {
		return name().toLowerCase(Locale.ROOT);
	}

	static MigrationKind fromId(String id) {
		return valueOf(id.toUpperCase(Locale.ROOT));
	}

}
