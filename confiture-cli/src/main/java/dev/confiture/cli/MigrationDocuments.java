package dev.confiture.cli;

import java.util.List;
import java.util.Locale;

import dev.confiture.core.migrate.ExecutedMigration;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.MigrationRun;
import dev.confiture.core.migrate.PlannedMigration;

/**
 * The JSON documents of the {@code migrate} commands.
 */
final class MigrationDocuments {

	private MigrationDocuments() {
	}

	/**
	 * The document of a run ({@code up}, {@code down}, {@code down-to}).
	 * @param run what was run
	 * @return the document
	 */
	static RunDocument run(MigrationRun run) {
		return new RunDocument(true, lower(run.direction()), run.dryRun(), run.pending(),
				run.migrations().stream().map(MigrationDocuments::executed).toList(), run.warnings(), run.durationMs());
	}

	/**
	 * The entry of one migration of a run.
	 * @param executed the migration and what happened to it
	 * @return the entry
	 */
	static ExecutedDocument executed(ExecutedMigration executed) {
		MigrationInfo info = executed.migration();
		return new ExecutedDocument(info.version(), info.name(), lower(info.kind()), info.location(), info.reversible(),
				lower(executed.outcome()), executed.executionMs(), executed.statements(), executed.rowsAffected());
	}

	/**
	 * The entry of one migration of a plan ({@code up --dry-run}).
	 * @param planned the migration and its statements
	 * @return the entry
	 */
	static PlannedDocument planned(PlannedMigration planned) {
		MigrationInfo info = planned.migration();
		return new PlannedDocument(info.version(), info.name(), lower(info.kind()), info.location(), info.reversible(),
				planned.transactional(), planned.nonTransactionalReason(), planned.statements());
	}

	/**
	 * The entry of a migration.
	 * @param info the migration
	 * @return the entry
	 */
	static InfoDocument info(MigrationInfo info) {
		return new InfoDocument(info.version(), info.name(), lower(info.kind()), info.location(), info.reversible());
	}

	static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/**
	 * A run of migrations, as printed by {@code up}, {@code down} and {@code down-to}.
	 */
	record RunDocument(boolean ok, String direction, boolean dryRun, int pending, List<ExecutedDocument> migrations,
			List<String> warnings, long durationMs) {
	}

	/** A migration of a run: what it is, then what happened to it. */
	record ExecutedDocument(String version, String name, String kind, String location, boolean reversible,
			String outcome, long executionMs, int statements, long rowsAffected) {
	}

	/** A migration of a plan: what it is, then how it would run. */
	record PlannedDocument(String version, String name, String kind, String location, boolean reversible,
			boolean transactional, String nonTransactionalReason, List<String> statements) {
	}

	/** A migration: version, name, kind, location and whether it has a down. */
	record InfoDocument(String version, String name, String kind, String location, boolean reversible) {
	}

}
