package dev.confiture.core.migrate;

import java.util.List;

/**
 * One migration of a {@link MigrationPlan}.
 *
 * @param migration the migration
 * @param transactional whether it will run in a transaction with its tracking row
 * @param nonTransactionalReason why it cannot run in a transaction, or {@code null}
 * @param statements the statements it will run, or an empty list for a Java migration
 */
public record PlannedMigration(MigrationInfo migration, boolean transactional, String nonTransactionalReason,
		List<String> statements) {

	public PlannedMigration {
		statements = List.copyOf(statements);
	}

}
