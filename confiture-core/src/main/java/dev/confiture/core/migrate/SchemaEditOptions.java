package dev.confiture.core.migrate;

import java.util.Objects;

import dev.confiture.core.diff.DiffOptions;

/**
 * What {@code generateFromSchemaEdits} compares and writes: the migration that turns what
 * the migrations produce (the schema files at a base commit plus every migration added
 * since) into what the working tree's schema files say.
 *
 * @param name the migration name, such as {@code add_post_views}
 * @param baseRef the ref whose merge base with {@code HEAD} is the base, or {@code null}
 * for the default of git-aware validation ({@code origin/main})
 * @param diffOptions how to write the DDL
 * @param allowHazards write the files even when a change can lose data or block a table
 */
public record SchemaEditOptions(String name, String baseRef, DiffOptions diffOptions, boolean allowHazards) {

	/** Checks the name and defaults the diff options. */
	public SchemaEditOptions {
		Objects.requireNonNull(name, "name");
		baseRef = (baseRef != null && baseRef.isBlank()) ? null : baseRef;
		diffOptions = (diffOptions != null) ? diffOptions : DiffOptions.defaults();
	}

	/**
	 * The migration for the schema edits since the default base, refused when it has
	 * hazards.
	 */
	public static SchemaEditOptions named(String name) {
		return new SchemaEditOptions(name, null, DiffOptions.defaults(), false);
	}

}
