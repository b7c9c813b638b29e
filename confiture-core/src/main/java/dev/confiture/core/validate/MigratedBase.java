package dev.confiture.core.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogLoader;
import dev.confiture.core.catalog.CatalogReader;
import dev.confiture.core.catalog.SqlSource;
import dev.confiture.core.config.Environment;
import dev.confiture.core.internal.TemporaryDirectory;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.sql.SqlExecutionException;
import dev.confiture.core.build.SchemaScripts;

/**
 * What the migrations produce: the schema files at a base commit (chosen as
 * {@link GitSchemaValidator} chooses it, the merge base of a ref and {@code HEAD}), built
 * into a throw-away database, plus every SQL migration of the working tree's migrations
 * directory that the base does not have, applied in version order. Files are copied out
 * of git, so the working tree's schema files are never read here.
 */
public final class MigratedBase {

	private final Supplier<PostgresServer> shadowServer;

	/**
	 * Creates a reader of migrated bases.
	 * @param shadowServer supplies the server for the throw-away database
	 */
	public MigratedBase(Supplier<PostgresServer> shadowServer) {
		this.shadowServer = Objects.requireNonNull(shadowServer, "shadowServer");
	}

	/**
	 * Builds the base's schema files, replays the migrations added since and reads the
	 * result.
	 * @param environment the environment, inside a git work tree
	 * @param baseRef the ref whose merge base with {@code HEAD} is the base, or
	 * {@code null} for {@value ValidationOptions#DEFAULT_BASE_REF}
	 * @param reader reads the catalog
	 * @return the base, the migrations replayed and the catalog they produce
	 * @throws ConfitureException {@link Category#GIT} without a repository or a known
	 * base ref; {@link Category#SCHEMA} when a base schema file or a migration fails
	 * (with its file and line)
	 */
	public Replay replay(Environment environment, String baseRef, CatalogReader reader) {
		GitSchemaValidator.requireJGit();
		try (GitRepository git = GitRepository.open(environment.projectDirectory());
				TemporaryDirectory directory = TemporaryDirectory.create("confiture-generate-")) {
			SchemaLayout layout = new SchemaLayout(environment, git.workTree());
			String ref = (baseRef != null) ? baseRef : ValidationOptions.DEFAULT_BASE_REF;
			GitSide base = git.mergeBase(ref, git.head());
			Path root = directory.path().resolve("base");
			List<String> written = git.materialize(base, layout.directories(),
					(path) -> layout.isSchemaFile(path) || layout.isInMigrationsDirectory(path), root);
			Environment copy = layout.relocate(root);
			Set<String> atBase = written.stream()
				.filter(layout::isInMigrationsDirectory)
				.map((path) -> path.substring(path.lastIndexOf('/') + 1))
				.collect(Collectors.toSet());
			Path replayRoot = directory.path().resolve("replay");
			Path migrations = replayRoot.resolve(layout.migrationsDirectory());
			List<String> replayed = copyNewMigrations(environment.migrationsDirectory(), atBase, migrations);
			List<SqlSource> sources = written.stream().anyMatch(layout::isSchemaFile) ? schemaSources(copy) : List.of();
			try (ScratchDatabase database = this.shadowServer.get().createDatabase()) {
				CatalogLoader.build(database, sources);
				try {
					Migrator.builder()
						.migrationsDirectory(migrations)
						.displayBase(replayRoot)
						.database(database.settings())
						.trackingTable(environment.trackingTable())
						.build()
						.up();
				}
				catch (SqlExecutionException ex) {
					throw new ConfitureException(Category.SCHEMA,
							"A migration fails when replayed on the schema files at " + base.label()
									+ ", so what the migrations produce cannot be read:" + System.lineSeparator()
									+ ex.getMessage().strip(),
							"Fix " + ex.source() + " at line " + ex.line()
									+ " (or the base's schema files), then generate again",
							ex);
				}
				try (Connection connection = database.connect()) {
					return new Replay(base.label(),
							replayed.stream()
								.map((name) -> layout.migrationsDirectory().isEmpty() ? name
										: layout.migrationsDirectory() + "/" + name)
								.toList(),
							reader.read(connection));
				}
				catch (SQLException ex) {
					throw new ConfitureException(Category.DATABASE,
							"Could not connect to " + database + ": " + ex.getMessage(), (String) null, ex);
				}
			}
		}
	}

	private static List<SqlSource> schemaSources(Environment environment) {
		try {
			List<Path> directories = new ArrayList<>(environment.includeDirectories());
			directories.addAll(environment.seedDirectories());
			for (Path directory : directories) {
				if (!directory.getFileName().toString().endsWith(".sql")) {
					Files.createDirectories(directory);
				}
			}
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.GENERIC, "Could not create a temporary directory: " + ex.getMessage(),
					"Check that java.io.tmpdir is writable", ex);
		}
		return SchemaScripts.of(environment);
	}

	/**
	 * Copies the SQL migrations (with their down scripts) that the base does not have.
	 */
	private static List<String> copyNewMigrations(Path from, Set<String> atBase, Path to) {
		List<String> copied = new ArrayList<>();
		try {
			Files.createDirectories(to);
			if (!Files.isDirectory(from)) {
				return copied;
			}
			try (Stream<Path> files = Files.list(from)) {
				for (Path file : files.sorted().toList()) {
					String name = file.getFileName().toString();
					if (!name.endsWith(".sql") || atBase.contains(name) || !Files.isRegularFile(file)) {
						continue;
					}
					Files.copy(file, to.resolve(name));
					if (name.endsWith(".up.sql")) {
						copied.add(name);
					}
				}
			}
			return copied;
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.GENERIC,
					"Could not copy the migrations of " + from + ": " + ex.getMessage(),
					"Check that the migrations directory is readable and java.io.tmpdir writable", ex);
		}
	}

	/**
	 * What the migrations produce.
	 *
	 * @param base the base commit, as a label ({@code origin/main (abc1234)})
	 * @param migrations the migrations replayed on it, as paths relative to the work
	 * tree, in file order
	 * @param catalog the schema they produce
	 */
	public record Replay(String base, List<String> migrations, Catalog catalog) {

		public Replay {
			migrations = List.copyOf(migrations);
		}

	}

}
