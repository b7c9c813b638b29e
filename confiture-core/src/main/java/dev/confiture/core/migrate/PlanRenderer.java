package dev.confiture.core.migrate;

import java.util.List;

/**
 * Writes a migration plan as one SQL script: what would run, where each transaction
 * starts and ends, and the tracking rows.
 */
final class PlanRenderer {

	private PlanRenderer() {
	}

	static String render(TrackingTable.Resolved table, List<MigrationWork> works) {
		StringBuilder sql = new StringBuilder();
		sql.append("-- Confiture migration plan: ")
			.append(works.size())
			.append(" migration(s), tracking table ")
			.append(table.displayName())
			.append('\n');
		if (!table.exists()) {
			sql.append("-- The tracking table does not exist yet and will be created first.\n");
		}
		for (MigrationWork work : works) {
			MigrationInfo info = work.info();
			sql.append('\n').append("-- ").append(info.displayName()).append(" (").append(info.location()).append(')');
			if (!work.transactional()) {
				sql.append(": runs in auto-commit mode, ").append(work.nonTransactionalReason());
			}
			sql.append('\n');
			if (work.transactional()) {
				sql.append("BEGIN;\n");
			}
			if (work.script() == null) {
				sql.append("-- Java migration: ")
					.append(info.location())
					.append(".up(context), its SQL is known only when it runs\n");
			}
			work.planStatements().forEach((statement) -> sql.append(statement).append('\n'));
			sql.append(
					table.insertSql(work.migration().version(), work.migration().name(), info.kind(), info.checksum()))
				.append('\n');
			if (work.transactional()) {
				sql.append("COMMIT;\n");
			}
		}
		return sql.toString();
	}

}
