package dev.confiture.benchmarks.generate;

import java.nio.file.Path;
import java.util.List;

/**
 * Writes the same migrations in Flyway's naming ({@code V7__add_column.sql}) and in
 * Confiture's ({@code 007_add_column.up.sql}), byte for byte the same SQL.
 */
public final class MigrationFiles {

	private MigrationFiles() {
	}

	/**
	 * Writes {@code V{version}__{description}.sql} files.
	 * @param directory the Flyway location
	 * @param migrations the migrations
	 */
	public static void writeFlyway(Path directory, List<Migration> migrations) {
		for (Migration migration : migrations) {
			GeneratedFiles.write(directory.resolve("V" + migration.version() + "__" + migration.description() + ".sql"),
					migration.sql());
		}
	}

	/**
	 * Writes {@code {version}_{description}.up.sql} files, versions zero-padded to at
	 * least three digits.
	 * @param directory the migrations directory
	 * @param migrations the migrations
	 */
	public static void writeConfiture(Path directory, List<Migration> migrations) {
		int width = Math.max(3, String.valueOf(migrations.size()).length());
		for (Migration migration : migrations) {
			String version = String.format("%0" + width + "d", migration.version());
			GeneratedFiles.write(directory.resolve(version + "_" + migration.description() + ".up.sql"),
					migration.sql());
		}
	}

}
