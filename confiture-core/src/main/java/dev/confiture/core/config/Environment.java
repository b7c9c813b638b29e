package dev.confiture.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import dev.confiture.core.resource.ProjectSources;

/**
 * One environment's settings, fully resolved: paths are absolute and normalised, and
 * {@code ${VAR}} references are substituted. {@link #toString()} never shows the
 * password.
 *
 * @param name the environment name, e.g. {@code local}
 * @param configFile the YAML file the settings came from, or {@code null} when they were
 * not read from a file (e.g. Spring Boot properties)
 * @param projectDirectory the project root, the directory that holds {@code db/}
 * @param includeDirectories schema (and seed) directories to build from, in declared
 * order: {@code includes} first, then {@code include_dirs} or {@code schema_dirs}
 * @param excludeDirectories directories whose files are left out of the build
 * @param seedDirectories seed directories ({@code seeds}), possibly empty
 * @param database how to reach the database, or {@code null} when the file names none
 * @param migrationsDirectory where migrations live (it may not exist yet); {@code null}
 * when the migrations are not read from a directory (see {@code sources})
 * @param trackingTable the migration tracking table, possibly schema-qualified
 * ({@code schema.table})
 * @param sources where the schema, seed and migration files are read from: by default the
 * directories above, or e.g. Spring resources ({@code classpath:db/schema}) read in place
 * @param protectedEnvironment whether the environment is marked {@code protected: true}:
 * its database is never the target of a sync
 */
public record Environment(String name, Path configFile, Path projectDirectory, List<Path> includeDirectories,
		List<Path> excludeDirectories, List<Path> seedDirectories, ConnectionSettings database,
		Path migrationsDirectory, String trackingTable, ProjectSources sources, boolean protectedEnvironment) {

	/** The tracking table used when the configuration names none. */
	public static final String DEFAULT_TRACKING_TABLE = "confiture_migrations";

	public Environment {
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(projectDirectory, "projectDirectory");
		includeDirectories = List.copyOf(includeDirectories);
		excludeDirectories = List.copyOf(excludeDirectories);
		seedDirectories = List.copyOf(seedDirectories);
		Objects.requireNonNull(trackingTable, "trackingTable");
		if (sources == null) {
			Objects.requireNonNull(migrationsDirectory, "migrationsDirectory");
			sources = ProjectSources.of(projectDirectory, includeDirectories, excludeDirectories, seedDirectories,
					migrationsDirectory);
		}
	}

	/**
	 * An environment whose files are read from its directories.
	 * @param name the environment name
	 * @param configFile the YAML file, or {@code null}
	 * @param projectDirectory the project root
	 * @param includeDirectories schema directories
	 * @param excludeDirectories excluded directories
	 * @param seedDirectories seed directories
	 * @param database the database, or {@code null}
	 * @param migrationsDirectory the migrations directory
	 * @param trackingTable the tracking table
	 */
	public Environment(String name, Path configFile, Path projectDirectory, List<Path> includeDirectories,
			List<Path> excludeDirectories, List<Path> seedDirectories, ConnectionSettings database,
			Path migrationsDirectory, String trackingTable) {
		this(name, configFile, projectDirectory, includeDirectories, excludeDirectories, seedDirectories, database,
				migrationsDirectory, trackingTable, null, false);
	}

	/**
	 * An environment that is not protected, whose files are read from the given sources.
	 * @param name the environment name
	 * @param configFile the YAML file, or {@code null}
	 * @param projectDirectory the project root
	 * @param includeDirectories schema directories
	 * @param excludeDirectories excluded directories
	 * @param seedDirectories seed directories
	 * @param database the database, or {@code null}
	 * @param migrationsDirectory the migrations directory
	 * @param trackingTable the tracking table
	 * @param sources where the files are read from, or {@code null} for the directories
	 */
	public Environment(String name, Path configFile, Path projectDirectory, List<Path> includeDirectories,
			List<Path> excludeDirectories, List<Path> seedDirectories, ConnectionSettings database,
			Path migrationsDirectory, String trackingTable, ProjectSources sources) {
		this(name, configFile, projectDirectory, includeDirectories, excludeDirectories, seedDirectories, database,
				migrationsDirectory, trackingTable, sources, false);
	}

	/**
	 * The same environment with another database.
	 * @param database how to reach the database, or {@code null}
	 * @return a new environment
	 */
	public Environment withDatabase(ConnectionSettings database) {
		return new Environment(this.name, this.configFile, this.projectDirectory, this.includeDirectories,
				this.excludeDirectories, this.seedDirectories, database, this.migrationsDirectory, this.trackingTable,
				this.sources, this.protectedEnvironment);
	}

}
