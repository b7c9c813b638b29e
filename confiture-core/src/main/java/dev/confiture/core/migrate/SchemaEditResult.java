package dev.confiture.core.migrate;

import java.util.List;

import dev.confiture.core.diff.DiffResult;

/**
 * What {@code generateFromSchemaEdits} found and wrote.
 *
 * @param base the base commit the schema files were taken from, as a label
 * @param replayedMigrations the migrations replayed on it (added since the base),
 * relative to the work tree, in order
 * @param diff the diff from what the migrations produce to the working tree's schema
 * files
 * @param files the files written, or {@code null} when the migrations already produce the
 * schema files
 */
public record SchemaEditResult(String base, List<String> replayedMigrations, DiffResult diff,
		GeneratedMigration files) {

	public SchemaEditResult {
		replayedMigrations = List.copyOf(replayedMigrations);
	}

	/** Whether the migrations already produce the schema files (nothing was written). */
	public boolean upToDate() {
		return this.diff.isEmpty();
	}

	/** Whether files were written. */
	public boolean written() {
		return this.files != null;
	}

}
