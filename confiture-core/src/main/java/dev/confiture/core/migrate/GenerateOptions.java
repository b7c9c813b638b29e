package dev.confiture.core.migrate;

import dev.confiture.core.diff.DiffRequest;

/**
 * What migration files to write: an empty pair, or the diff of two schemas (up) and its
 * reverse (down).
 *
 * @param name the migration name, such as {@code add_user_bio}
 * @param diff the schemas to compare, or {@code null} for empty files
 * @param allowHazards write the files even when a change can lose data or block a table
 */
public record GenerateOptions(String name, DiffRequest diff, boolean allowHazards) {

	/** An empty pair of files. */
	public static GenerateOptions empty(String name) {
		return new GenerateOptions(name, null, false);
	}

	/** The files of a diff, refused when it has hazards. */
	public static GenerateOptions fromDiff(String name, DiffRequest diff) {
		return new GenerateOptions(name, diff, false);
	}

	/** These options with hazards allowed or not. */
	public GenerateOptions withAllowHazards(boolean allowHazards) {
		return new GenerateOptions(this.name, this.diff, allowHazards);
	}

}
