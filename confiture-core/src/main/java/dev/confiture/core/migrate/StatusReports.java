package dev.confiture.core.migrate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the migrations found with the rows of the tracking table into a
 * {@link StatusReport}.
 */
final class StatusReports {

	private StatusReports() {
	}

	static StatusReport of(TrackingTable.Resolved table, MigrationSet set, List<AppliedMigration> rows,
			List<String> invalidIndexes) {
		Map<MigrationVersion, AppliedMigration> applied = new TreeMap<>();
		rows.forEach((row) -> applied.put(row.version(), row));
		Map<MigrationVersion, MigrationStatus> entries = new TreeMap<>();
		for (ResolvedMigration migration : set.all()) {
			MigrationInfo info = migration.info();
			AppliedMigration row = applied.get(migration.version());
			if (row == null) {
				entries.put(migration.version(), new MigrationStatus(info.version(), info.name(),
						MigrationState.PENDING, info.kind(), info.location(), info.reversible(), null, null, null));
			}
			else {
				boolean changed = info.checksum() != null && row.checksum() != null
						&& !info.checksum().equals(row.checksum());
				entries.put(migration.version(), new MigrationStatus(row.version().text(), info.name(),
						changed ? MigrationState.CHECKSUM_MISMATCH : MigrationState.APPLIED, row.kind(),
						info.location(), info.reversible(), row.appliedAt(), row.executionMs(), row.appliedBy()));
			}
		}
		for (AppliedMigration row : rows) {
			if (!entries.containsKey(row.version())) {
				boolean marker = row.kind() == MigrationKind.BASELINE && row.checksum() == null;
				entries.put(row.version(),
						new MigrationStatus(row.version().text(), row.name(),
								marker ? MigrationState.APPLIED : MigrationState.MISSING_FILE, row.kind(), null, false,
								row.appliedAt(), row.executionMs(), row.appliedBy()));
			}
		}
		return new StatusReport(table.displayName(), table.exists(), new ArrayList<>(entries.values()), invalidIndexes);
	}

}
