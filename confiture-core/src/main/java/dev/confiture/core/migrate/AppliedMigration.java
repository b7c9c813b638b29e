package dev.confiture.core.migrate;

import java.time.OffsetDateTime;

/**
 * A row of the tracking table.
 */
record AppliedMigration(MigrationVersion version, String name, MigrationKind kind, String checksum, String appliedBy,
		OffsetDateTime appliedAt, long executionMs) {

	String displayName() {
		return this.version + "_" + this.name;
	}

}
