package dev.confiture.core.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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

/**
 * The SQL files of an environment, found under its include directories minus its exclude
 * directories, split into schema files and seed files, each list in the order they are applied.
 *
 * @param projectDirectory the directory that relative paths are relative to
 * @param schemaFiles the DDL files, in order
 * @param seedFiles the seed files, in order (applied after the schema)
 */
public record SchemaSources(Path projectDirectory, List<SchemaFile> schemaFiles, List<SchemaFile> seedFiles) {

	private static final Pattern SEED_SEGMENT = Pattern.compile("(?i)(^|.*[_-])seeds?([_-].*|$)");

	private static final Comparator<SchemaFile> ORDER = Comparator.comparing(SchemaFile::relativePath,
			NaturalPathOrder.INSTANCE);

	public SchemaSources {
		schemaFiles = List.copyOf(schemaFiles);
		seedFiles = List.copyOf(seedFiles);
	}

	/**
	 * Finds the SQL files of an environment.
	 * @param environment the environment
	 * @return its files
	 * @throws ConfitureException if no schema file is found or a directory cannot be read
	 */
	public static SchemaSources discover(Environment environment) {
		return discover(environment.projectDirectory(), environment.includeDirectories(),
				environment.excludeDirectories(), environment.seedDirectories());
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
		Path base = projectDirectory.toAbsolutePath().normalize();
		List<Path> excludes = normalize(excludeDirectories);
		List<Path> seedRoots = normalize(seedDirectories);
		Map<Path, SchemaFile> files = new LinkedHashMap<>();
		List<Path> roots = new ArrayList<>(normalize(includeDirectories));
		roots.addAll(seedRoots);
		for (Path root : roots) {
			if (!Files.isDirectory(root)) {
				if (Files.isRegularFile(root) && isSql(root)) {
					files.putIfAbsent(root, file(base, root, seedRoots));
					continue;
				}
				throw new ConfitureException(Category.SCHEMA, "Schema directory not found: " + root,
						"Create it or fix the include paths of the environment");
			}
			walk(root, excludes, (path) -> files.putIfAbsent(path, file(base, path, seedRoots)));
		}
		List<SchemaFile> schema = files.values().stream().filter((file) -> !file.seed()).sorted(ORDER).toList();
		List<SchemaFile> seeds = files.values().stream().filter(SchemaFile::seed).sorted(ORDER).toList();
		if (schema.isEmpty()) {
			String where = includeDirectories.isEmpty() ? "(no include directories configured)"
					: includeDirectories.stream().map((dir) -> relative(base, dir)).collect(Collectors.joining(", "));
			throw new ConfitureException(Category.SCHEMA, "No SQL files found in " + where,
					"Put your DDL in .sql files under db/schema/ (e.g. db/schema/10_tables/users.sql) "
							+ "or fix 'includes'/'include_dirs' in the environment file");
		}
		return new SchemaSources(base, schema, seeds);
	}

	/**
	 * Finds only the files of an environment's seed directories ({@code seeds}), for a database
	 * whose schema comes from migrations. Seed directories that do not exist are skipped.
	 * @param environment the environment
	 * @return no schema file, and the seed files in order
	 */
	public static SchemaSources seeds(Environment environment) {
		Path base = environment.projectDirectory().toAbsolutePath().normalize();
		List<Path> seedRoots = normalize(environment.seedDirectories());
		Map<Path, SchemaFile> files = new LinkedHashMap<>();
		for (Path root : seedRoots) {
			if (Files.isDirectory(root)) {
				walk(root, normalize(environment.excludeDirectories()),
						(path) -> files.putIfAbsent(path, file(base, path, seedRoots)));
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

	private static void walk(Path root, List<Path> excludes, java.util.function.Consumer<Path> found) {
		try {
			Files.walkFileTree(root, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
					if (excludes.contains(dir.normalize()) || (!dir.equals(root) && isHidden(dir))) {
						return FileVisitResult.SKIP_SUBTREE;
					}
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
					if (attributes.isRegularFile() && isSql(file) && !isHidden(file)) {
						found.accept(file.normalize());
					}
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.SCHEMA, "Could not read " + root + ": " + ex.getMessage(),
					"Check the directory's permissions", ex);
		}
		catch (UncheckedIOException ex) {
			throw new ConfitureException(Category.SCHEMA, "Could not read " + root + ": " + ex.getMessage(),
					"Check the directory's permissions", ex);
		}
	}

	private static SchemaFile file(Path base, Path path, List<Path> seedRoots) {
		String relative = relative(base, path);
		boolean seed = seedRoots.stream().anyMatch(path::startsWith) || isSeedPath(relative);
		return new SchemaFile(path, relative, seed);
	}

	/**
	 * Whether a file is a seed file by its path alone: a directory on the way is named
	 * {@code seeds}, {@code seed} or {@code *_seeds}/{@code seeds_*} (also with {@code -}).
	 * Files under an environment's seed directories are seed files too.
	 * @param relativePath the file's path relative to the project directory, with {@code /}
	 * separators
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
		Path absolute = path.toAbsolutePath().normalize();
		Path relative = absolute.startsWith(base) ? base.relativize(absolute) : absolute;
		return relative.toString().replace('\\', '/');
	}

	private static boolean isSql(Path file) {
		return file.getFileName().toString().endsWith(".sql");
	}

	private static boolean isHidden(Path path) {
		return path.getFileName() != null && path.getFileName().toString().startsWith(".");
	}

	private static List<Path> normalize(List<Path> paths) {
		return paths.stream().map((path) -> path.toAbsolutePath().normalize()).toList();
	}

}
