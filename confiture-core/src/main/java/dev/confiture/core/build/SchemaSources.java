package dev.confiture.core.build;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.Environment;
import dev.confiture.core.resource.FileSystemLocation;
import dev.confiture.core.resource.ProjectSources;
import dev.confiture.core.resource.SqlLocation;
import dev.confiture.core.resource.SqlResource;

/**
 * The SQL files of an environment, found under its include directories minus its exclude
 * directories, split into schema files and seed files, each list in the order they are
 * applied.
 *
 * @param projectDirectory the directory that relative paths are relative to
 * @param schemaFiles the DDL files, in order
 * @param seedFiles the seed files, in order (applied after the schema)
 * @param warnings what looks wrong but does not stop a build, such as an exclude
 * directory that does not exist
 */
public record SchemaSources(Path projectDirectory, List<SchemaFile> schemaFiles, List<SchemaFile> seedFiles,
		List<String> warnings) {

	private static final Pattern SEED_SEGMENT = Pattern.compile("(?i)(^|.*[_-])seeds?([_-].*|$)");

	private static final Comparator<SchemaFile> ORDER = Comparator.comparing(SchemaFile::relativePath,
			NaturalPathOrder.INSTANCE);

	public SchemaSources {
		schemaFiles = List.copyOf(schemaFiles);
		seedFiles = List.copyOf(seedFiles);
		warnings = List.copyOf(warnings);
	}

	/**
	 * Files without warnings.
	 * @param projectDirectory the directory that relative paths are relative to
	 * @param schemaFiles the DDL files, in order
	 * @param seedFiles the seed files, in order
	 */
	public SchemaSources(Path projectDirectory, List<SchemaFile> schemaFiles, List<SchemaFile> seedFiles) {
		this(projectDirectory, schemaFiles, seedFiles, List.of());
	}

	/**
	 * Finds the SQL files of an environment.
	 * @param environment the environment
	 * @return its files
	 * @throws ConfitureException if no schema file is found or a directory cannot be read
	 */
	public static SchemaSources discover(Environment environment) {
		return discover(environment.projectDirectory(), environment.sources());
	}

	/**
	 * Finds SQL files under directories.
	 * @param projectDirectory the base of relative paths
	 * @param includeDirectories where to look, recursively
	 * @param excludeDirectories directories whose files are left out
	 * @param seedDirectories directories whose files are all seed files
	 * @return the files
	 * @throws ConfitureException if no schema file is found or a directory cannot be read
	 */
	public static SchemaSources discover(Path projectDirectory, List<Path> includeDirectories,
			List<Path> excludeDirectories, List<Path> seedDirectories) {
		return discover(projectDirectory,
				ProjectSources.of(projectDirectory, includeDirectories, excludeDirectories, seedDirectories, null));
	}

	/**
	 * Finds the SQL files of schema and seed locations, wherever they are read from.
	 * @param projectDirectory the base of relative paths
	 * @param sources the locations
	 * @return the files
	 * @throws ConfitureException if no schema file is found, a schema directory is
	 * missing, or a location cannot be read
	 */
	public static SchemaSources discover(Path projectDirectory, ProjectSources sources) {
		Path base = projectDirectory.toAbsolutePath().normalize();
		Map<String, SchemaFile> files = new LinkedHashMap<>();
		for (SqlLocation location : sources.schema()) {
			if (!location.exists()) {
				throw new ConfitureException(Category.SCHEMA, "Schema directory not found: " + location.description(),
						"Create it or fix the include paths of the environment");
			}
			for (SqlResource resource : location.resources()) {
				files.putIfAbsent(resource.displayPath(),
						new SchemaFile(resource, isSeedPath(resource.relativePath())));
			}
		}
		for (SqlLocation location : sources.seeds()) {
			if (!location.exists() && location instanceof FileSystemLocation) {
				throw new ConfitureException(Category.SCHEMA, "Schema directory not found: " + location.description(),
						"Create it or fix the include paths of the environment");
			}
			for (SqlResource resource : location.resources()) {
				files.put(resource.displayPath(), new SchemaFile(resource, true));
			}
		}
		List<SchemaFile> schema = files.values().stream().filter((file) -> !file.seed()).sorted(ORDER).toList();
		List<SchemaFile> seeds = files.values().stream().filter(SchemaFile::seed).sorted(ORDER).toList();
		if (schema.isEmpty()) {
			String where = sources.schema().isEmpty() ? "(no include directories configured)"
					: sources.schema().stream().map(SqlLocation::description).collect(Collectors.joining(", "));
			throw new ConfitureException(Category.SCHEMA, "No SQL files found in " + where,
					"Put your DDL in .sql files under db/schema/ (e.g. db/schema/10_tables/users.sql) "
							+ "or fix 'includes'/'include_dirs' in the environment file");
		}
		List<String> warnings = new ArrayList<>();
		List<Path> roots = sources.schema()
			.stream()
			.filter(FileSystemLocation.class::isInstance)
			.map((location) -> ((FileSystemLocation) location).root())
			.toList();
		List<Path> excludes = sources.schema()
			.stream()
			.filter(FileSystemLocation.class::isInstance)
			.flatMap((location) -> ((FileSystemLocation) location).excludes().stream())
			.distinct()
			.toList();
		for (Path exclude : excludes) {
			if (!Files.exists(exclude)) {
				warnings
					.add("exclude_dirs entry " + relative(base, exclude) + " does not exist, so it excludes nothing");
			}
			else if (roots.stream().noneMatch(exclude::startsWith)) {
				warnings.add("exclude_dirs entry " + relative(base, exclude)
						+ " is not under any include directory, so it excludes nothing");
			}
		}
		return new SchemaSources(base, schema, seeds, warnings);
	}

	/**
	 * Finds only the files of an environment's seed directories ({@code seeds}), for a
	 * database whose schema comes from migrations. Seed directories that do not exist are
	 * skipped.
	 * @param environment the environment
	 * @return no schema file, and the seed files in order
	 */
	public static SchemaSources seeds(Environment environment) {
		Path base = environment.projectDirectory().toAbsolutePath().normalize();
		Map<String, SchemaFile> files = new LinkedHashMap<>();
		for (SqlLocation location : environment.sources().seeds()) {
			if (location.exists()) {
				for (SqlResource resource : location.resources()) {
					files.putIfAbsent(resource.displayPath(), new SchemaFile(resource, true));
				}
			}
		}
		return new SchemaSources(base, List.of(), files.values().stream().sorted(ORDER).toList());
	}

	/** All files: schema files first, then seed files. */
	public List<SchemaFile> allFiles() {
		List<SchemaFile> all = new ArrayList<>(this.schemaFiles);
		all.addAll(this.seedFiles);
		return all;
	}

	/** The SHA-256 of the schema files (see {@link SchemaHash}). */
	public String schemaHash() {
		return SchemaHash.of(this.schemaFiles);
	}

	/**
	 * Whether a file is a seed file by its path alone: a directory on the way is named
	 * {@code seeds}, {@code seed} or {@code *_seeds}/{@code seeds_*} (also with
	 * {@code -}). Files under an environment's seed directories are seed files too.
	 * @param relativePath the file's path relative to the project directory, with
	 * {@code /} separators
	 * @return whether it holds seed data
	 */
	public static boolean isSeedPath(String relativePath) {
		String[] segments = relativePath.split("/");
		for (int i = 0; i < segments.length - 1; i++) {
			if (SEED_SEGMENT.matcher(segments[i]).matches()) {
				return true;
			}
		}
		return false;
	}

	private static String relative(Path base, Path path) {
		Path relative = path.startsWith(base) ? base.relativize(path) : path;
		return relative.toString().replace('\\', '/');
	}

}
