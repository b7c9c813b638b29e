package dev.confiture.core.migrate;

import java.time.OffsetDateTime;

/**
 * A migration that another tool applied, to record as applied in the tracking table with
 * its original time and user.
 *
 * @param version the version (digits only)
 * @param name the name
 * @param baseline whether it is recorded as a baseline (contained, not run) rather than
 * run
 * @param checksum Confiture's checksum of its up file ({@link Migrator#checksum})
 * @param appliedBy who applied it
 * @param appliedAt when it was applied
 * @param executionMs how long it ran
 */
public record ImportedMigration(String version, String name, boolean baseline, String checksum, String appliedBy,
		OffsetDateTime appliedAt, long executionMs) {

}
