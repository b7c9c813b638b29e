package dev.confiture.core.validate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.build.SchemaSources;
import dev.confiture.core.config.Environment;

/**
 * Where an environment's schema files and migrations are inside a git work tree, as paths
 * relative to the work tree. Decides from a path alone, without reading files, whether it
 * is a schema file (the same rules as {@link SchemaSources#discover(Environment)}:
 * {@code .sql} under an include directory, not excluded, not hidden, not a seed file) or
 * a migration.
 */
final class SchemaLayout {

	private static final Pattern UP_MIGRATION = Pattern.compile("[0-9]+_[A-Za-z0-9][A-Za-z0-9_\\-]*\\.up\\.sql");

	private final Environment environment;

	private final Path workTree;

	private final String project;

	private final List<String> includes;

	private final List<String> excludes;

	private final List<String> seeds;

	private final String migrations;

	SchemaLayout(Environment environment, Path workTree) {
		this.environment = environment;
		this.workTree = workTree;
		this.project = relative(environment.projectDirectory(), "project directory");
		this.includes = relative(environment.includeDirectories(), "schema directory");
		this.excludes = relative(environment.excludeDirectories(), "excluded directory");
		this.seeds = relative(environment.seedDirectories(), "seed directory");
		this.migrations = relative(environment.migrationsDirectory(), "migrations directory");
	}

	/** The schema directories, relative to the work tree. */
	List<String> schemaDirectories() {
		return this.includes;
	}

	/** The migrations directory, relative to the work tree. */
	String migrationsDirectory() {
		return this.migrations;
	}

	/**
	 * Every directory whose files matter: the schema directories and the migrations
	 * directory.
	 */
	List<String> directories() {
		Set<String> directories = new LinkedHashSet<>(this.includes);
		directories.addAll(this.seeds);
		directories.add(this.migrations);
		return new ArrayList<>(directories);
	}

	/**
	 * Whether a file is one of the environment's schema files (not a seed file).
	 * @param path a path relative to the work tree
	 * @return whether a build of the environment executes it as DDL
	 */
	boolean isSchemaFile(String path) {
		if (!path.endsWith(".sql")) {
			return false;
		}
		String include = this.includes.stream().filter((root) -> Paths.isUnder(path, root)).findFirst().orElse(null);
		if (include == null || this.excludes.stream().anyMatch((root) -> Paths.isUnder(path, root))
				|| this.seeds.stream().anyMatch((root) -> Paths.isUnder(path, root))) {
			return false;
		}
		String below = include.isEmpty() ? path : path.substring(Math.min(path.length(), include.length() + 1));
		for (String segment : below.split("/")) {
			if (segment.startsWith(".")) {
				return false;
			}
		}
		String fromProject = Paths.isUnder(path, this.project)
				? (this.project.isEmpty() ? path : path.substring(this.project.length() + 1)) : path;
		return !SchemaSources.isSeedPath(fromProject);
	}

	/**
	 * Whether a file is a SQL migration ({@code {version}_{name}.up.sql} directly in the
	 * migrations directory).
	 * @param path a path relative to the work tree
	 * @return whether it is
	 */
	boolean isMigration(String path) {
		return isInMigrationsDirectory(path) && UP_MIGRATION.matcher(fileName(path)).matches();
	}

	/**
	 * Whether a file is in the migrations directory and ends in {@code .sql} (an up or
	 * down script).
	 * @param path a path relative to the work tree
	 * @return whether it is
	 */
	boolean isInMigrationsDirectory(String path) {
		String parent = (path.lastIndexOf('/') >= 0) ? path.substring(0, path.lastIndexOf('/')) : "";
		return parent.equals(this.migrations) && path.endsWith(".sql") && !fileName(path).startsWith(".");
	}

	/**
	 * The environment with every directory moved from the work tree to a copy of it.
	 * @param root the copy's root
	 * @return the environment for the copy
	 */
	Environment relocate(Path root) {
		return new Environment(this.environment.name(), this.environment.configFile(), root.resolve(this.project),
				this.includes.stream().map(root::resolve).toList(), this.excludes.stream().map(root::resolve).toList(),
				this.seeds.stream().map(root::resolve).toList(), this.environment.database(),
				root.resolve(this.migrations), this.environment.trackingTable());
	}

	private static String fileName(String path) {
		return path.substring(path.lastIndexOf('/') + 1);
	}

	private List<String> relative(List<Path> paths, String what) {
		return paths.stream().map((path) -> relative(path, what)).toList();
	}

	private String relative(Path path, String what) {
		String relative = Paths.relative(this.workTree, Paths.real(path));
		if (relative == null) {
			throw new ConfitureException(Category.GIT,
					"The " + what + " " + path + " is outside the git work tree " + this.workTree,
					"Git-aware validation reads files from git: keep db/ inside the repository, or fix the paths of "
							+ "environment '" + this.environment.name() + "'");
		}
		return relative;
	}

}
