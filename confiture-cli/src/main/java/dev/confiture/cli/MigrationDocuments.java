package dev.confiture.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.confiture.core.migrate.ExecutedMigration;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.MigrationRun;

/**
 * The JSON documents of the {@code migrate} commands.
 */
final class MigrationDocuments {

	private MigrationDocuments() {
	}

	static Map<String, Object> run(MigrationRun run) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("ok", true);
		document.put("direction", lower(run.direction()));
		document.put("dryRun", run.dryRun());
		document.put("pending", run.pending());
		document.put("migrations", run.migrations().stream().map(MigrationDocuments::executed).toList());
		document.put("warnings", run.warnings());
		document.put("durationMs", run.durationMs());
		return document;
	}

	static Map<String, Object> executed(ExecutedMigration executed) {
		Map<String, Object> document = info(executed.migration());
		document.put("outcome", lower(executed.outcome()));
		document.put("executionMs", executed.executionMs());
		document.put("statements", executed.statements());
		document.put("rowsAffected", executed.rowsAffected());
		return document;
	}

	static Map<String, Object> info(MigrationInfo info) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("version", info.version());
		document.put("name", info.name());
		document.put("kind", lower(info.kind()));
		document.put("location", info.location());
		document.put("reversible", info.reversible());
		return document;
	}

	static String lower(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

}
