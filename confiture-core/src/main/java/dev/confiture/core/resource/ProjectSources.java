package dev.confiture.core.resource;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where the SQL files of an environment live: its schema locations, its seed locations
 * and its migration locations (several locations are merged; a file name found in two of
 * them is an error).
 *
 * @param schema the schema locations, in declared order
 * @param seeds the seed locations, in declared order; every file under them is a seed
 * file
 * @param migrations the migration locations, whose top-level files are migrations
 */
public record ProjectSources(List<SqlLocation> schema, List<SqlLocation> seeds, List<SqlLocation> migrations) {

	public ProjectSources {
		schema = List.copyOf(schema);
		seeds = List.copyOf(seeds);
		migrations = List.copyOf(migrations);
	}

	/**
	 * The files of a project on disk.
	 * @param projectDirectory the directory relative paths are relative to
	 * @param includeDirectories schema directories (or single {@code .sql} files)
	 * @param excludeDirectories directories left out of the schema and seed directories
	 * @param seedDirectories seed directories
	 * @param migrationsDirectory the migrations directory, or {@code null} for none
	 * @return the sources
	 */
	public static ProjectSources of(Path projectDirectory, List<Path> includeDirectories, List<Path> excludeDirectories,
			List<Path> seedDirectories, Path migrationsDirectory) {
		Objects.requireNonNull(projectDirectory, "projectDirectory");
		List<SqlLocation> schema = includeDirectories.stream()
			.map((directory) -> (SqlLocation) FileSystemLocation.of(directory, projectDirectory)
				.excluding(excludeDirectories))
			.toList();
		List<SqlLocation> seeds = seedDirectories.stream()
			.map((directory) -> (SqlLocation) FileSystemLocation.of(directory, projectDirectory)
				.excluding(excludeDirectories))
			.toList();
		List<SqlLocation> migrations = (migrationsDirectory != null)
				? List.of(FileSystemLocation.of(migrationsDirectory, projectDirectory)) : List.of();
		return new ProjectSources(schema, seeds, migrations);
	}

}
