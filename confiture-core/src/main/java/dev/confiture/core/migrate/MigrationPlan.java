package dev.confiture.core.migrate;

import java.util.List;

/**
 * What {@code up} would do, computed without changing anything.
 *
 * @param trackingTable the tracking table the rows would be written to
 * @param migrations the migrations that would run, in order
 * @param warnings warnings raised while planning
 * @param sql the plan as one SQL script, with the transaction boundaries and tracking
 * rows
 */
public record MigrationPlan(String trackingTable, List<PlannedMigration> migrations, List<String> warnings,
		String sql) {

	public MigrationPlan {
		migrations = List.copyOf(migrations);
		warnings = List.copyOf(warnings);
	}

}
