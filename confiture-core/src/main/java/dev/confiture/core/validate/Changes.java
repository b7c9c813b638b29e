package dev.confiture.core.validate;

import java.util.List;

import dev.confiture.core.validate.ChangedFile.Change;

/**
 * What changed between the two sides of a validation, read from git without reading any
 * file: schema files and migration scripts.
 *
 * @param git the repository
 * @param base the old side
 * @param target the new side
 * @param layout where the environment's files are
 * @param files the changed schema files and migration scripts, in path order
 */
record Changes(GitRepository git, GitSide base, GitSide target, SchemaLayout layout, List<ChangedFile> files) {

	static Changes between(GitRepository git, GitSide base, GitSide target, SchemaLayout layout) {
		List<ChangedFile> files = git.changes(base, target, layout.directories(),
				(path) -> layout.isSchemaFile(path) || layout.isInMigrationsDirectory(path));
		return new Changes(git, base, target, layout, files);
	}

	/** The changed schema files. */
	List<ChangedFile> schemaFiles() {
		return this.files.stream().filter((file) -> this.layout.isSchemaFile(file.path())).toList();
	}

	/** The migrations ({@code .up.sql}) that were added or changed. */
	List<ChangedFile> newOrChangedMigrations() {
		return this.files.stream()
			.filter((file) -> this.layout.isMigration(file.path()) && file.change() != Change.DELETED)
			.toList();
	}

	/** The migrations ({@code .up.sql}) that were added. */
	List<ChangedFile> addedMigrations() {
		return this.files.stream()
			.filter((file) -> this.layout.isMigration(file.path()) && file.change() == Change.ADDED)
			.toList();
	}

	/** The changed scripts of the migrations directory other than added migrations. */
	List<ChangedFile> otherMigrationScripts() {
		return this.files.stream()
			.filter((file) -> this.layout.isInMigrationsDirectory(file.path())
					&& !(this.layout.isMigration(file.path()) && file.change() == Change.ADDED))
			.toList();
	}

	/** Whether nothing that a check looks at changed. */
	boolean isEmpty() {
		return this.files.isEmpty();
	}

	/** How to name the schema files in messages: {@code db/schema}. */
	String schemaLabel() {
		List<String> directories = this.layout.schemaDirectories();
		return (directories.isEmpty() || directories.contains("")) ? "the schema files"
				: String.join(", ", directories);
	}

}
