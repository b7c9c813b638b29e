package dev.confiture.core.migrate;

import java.time.OffsetDateTime;

/**
 * One line of a {@link StatusReport}.
 *
 * @param version the version
 * @param name the name
 * @param state applied, pending, changed or missing
 * @param kind how it was recorded when applied, otherwise where it comes from
 * @param location the up file or Java class, or {@code null} if missing
 * @param reversible whether it can be rolled back
 * @param appliedAt when it was applied, or {@code null}
 * @param executionMs how long it took to apply, or {@code null}
 * @param appliedBy the database user that applied it, or {@code null}
 */
public record MigrationStatus(String version, String name, MigrationState state, MigrationKind kind, String location,
		boolean reversible, OffsetDateTime appliedAt, Long executionMs, String appliedBy) {

	/** Whether the migration is recorded in the tracking table. */
	public boolean isApplied() {
		return this.state != MigrationState.PENDING;
	}

}
