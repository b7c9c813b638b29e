package dev.confiture.core.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.internal.TemporaryDirectory;
import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogLoader;
import dev.confiture.core.catalog.CatalogReader;
import dev.confiture.core.catalog.SqlSource;
import dev.confiture.core.config.Environment;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.sql.SqlExecutionException;
import dev.confiture.core.build.SchemaScripts;

/**
 * The replay check of {@code migrate validate} ({@code --check-drift}): builds the base's
 * schema files into a throw-away database, replays the migrations added since the base,
 * and compares its catalog, object by object, with a fresh build of the new schema files.
 * The files of each side are copied out of git into a temporary directory first, so the
 * working tree is never read. Nothing is built when no schema file and no migration
 * changed.
 */
final class ReplayCheck {

	private final Supplier<PostgresServer> servers;

	private int databasesCreated;

	ReplayCheck(Supplier<PostgresServer> servers) {
		this.servers = servers;
	}

	/** How many throw-away databases the last {@link #check} created. */
	int databasesCreated() {
		return this.databasesCreated;
	}

	CheckResult check(Changes changes, String trackingTable) {
		this.databasesCreated = 0;
		List<String> details = new ArrayList<>();
		if (changes.isEmpty()) {
			details.add("No schema file or migration changed between " + changes.base().label() + " and "
					+ changes.target().label() + "; nothing to build.");
			return CheckResult.passed(GitSchemaValidator.CHECK_DRIFT, details);
		}
		SchemaLayout layout = changes.layout();
		List<ChangedFile> added = changes.addedMigrations();
		try (TemporaryDirectory directory = TemporaryDirectory.create("confiture-validate-")) {
			Copy base = copy(changes, changes.base(), directory.path().resolve("base"), false);
			Copy target = copy(changes, changes.target(), directory.path().resolve("target"), true);
			Path migrations = directory.path().resolve("migrations");
			copyAddedMigrations(added, target.environment(), migrations);
			PostgresServer server = this.servers.get();
			CatalogReader reader = CatalogReader.ignoringConfitureTables(trackingTable);
			Catalog before;
			Catalog migrated;
			try (ScratchDatabase database = createDatabase(server)) {
				CatalogLoader.build(database, base.sources());
				before = read(reader, database);
				try {
					Migrator.builder()
						.migrationsDirectory(migrations)
						.displayBase(target.environment().projectDirectory())
						.database(database.settings())
						.trackingTable(trackingTable)
						.build()
						.up();
				}
				catch (SqlExecutionException ex) {
					details.add("A new migration fails on the schema at " + changes.base().label() + ": "
							+ ex.getMessage().strip());
					return CheckResult.failed(GitSchemaValidator.CHECK_DRIFT, details, null);
				}
				migrated = read(reader, database);
			}
			Catalog files;
			try (ScratchDatabase database = createDatabase(server)) {
				CatalogLoader.build(database, target.sources());
				files = read(reader, database);
			}
			List<String> differences = new CatalogComparison(before, migrated, files, changes.schemaLabel())
				.differences();
			List<String> notes = notes(changes);
			if (differences.isEmpty()) {
				details.add(added.isEmpty()
						? "No migration was added, and the schema files at " + changes.target().label()
								+ " define the same objects as at " + changes.base().label() + "."
						: "The " + added.size() + " new migration(s) turn the schema at " + changes.base().label()
								+ " into the schema files at " + changes.target().label() + ":");
				added.forEach((file) -> details.add(file.toString()));
				details.addAll(notes);
				return CheckResult.passed(GitSchemaValidator.CHECK_DRIFT, details);
			}
			details.add("Schema drift detected: the schema at " + changes.base().label() + " plus "
					+ (added.isEmpty() ? "no new migration"
							: (added.size() == 1) ? "the new migration " + added.get(0).path()
									: added.size() + " new migrations")
					+ " differs from the schema files at " + changes.target().label() + " in " + differences.size()
					+ " way(s):");
			details.addAll(differences);
			details.addAll(notes);
			return CheckResult.failed(GitSchemaValidator.CHECK_DRIFT, details,
					Remedy.of(Remedy.Kind.MATCH_MIGRATIONS, "schema", changes.schemaLabel()));
		}
	}

	private static List<String> notes(Changes changes) {
		List<String> notes = new ArrayList<>();
		for (ChangedFile file : changes.otherMigrationScripts()) {
			if (changes.layout().isMigration(file.path())) {
				notes.add("Note: " + file + " existed at " + changes.base().label()
						+ " and is taken as applied there; it was not run");
			}
		}
		return notes;
	}

	private ScratchDatabase createDatabase(PostgresServer server) {
		ScratchDatabase database = server.createDatabase();
		this.databasesCreated++;
		return database;
	}

	/**
	 * Copies the schema files (and, for the target, the migrations directory) of a side
	 * and returns the environment moved onto the copy.
	 */
	private static Copy copy(Changes changes, GitSide side, Path root, boolean withMigrations) {
		SchemaLayout layout = changes.layout();
		List<String> written = changes.git()
			.materialize(side, layout.directories(),
					(path) -> layout.isSchemaFile(path) || (withMigrations && layout.isInMigrationsDirectory(path)),
					root);
		Environment environment = layout.relocate(root);
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
			throw new ConfitureException(Category.GENERIC, "Could not create " + root + ": " + ex.getMessage(),
					"Check that java.io.tmpdir is writable", ex);
		}
		if (written.stream().noneMatch(layout::isSchemaFile)) {
			return new Copy(environment, List.of());
		}
		return new Copy(environment, SchemaScripts.of(environment));
	}

	private static void copyAddedMigrations(List<ChangedFile> added, Environment target, Path migrations) {
		try {
			Files.createDirectories(migrations);
			for (ChangedFile file : added) {
				Path up = target.migrationsDirectory().resolve(file.path().substring(file.path().lastIndexOf('/') + 1));
				Files.copy(up, migrations.resolve(up.getFileName()));
				String downName = up.getFileName().toString().replaceFirst("\\.up\\.sql$", ".down.sql");
				Path down = up.resolveSibling(downName);
				if (Files.isRegularFile(down)) {
					Files.copy(down, migrations.resolve(downName));
				}
			}
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.GENERIC,
					"Could not copy the new migrations to " + migrations + ": " + ex.getMessage(),
					"Check that java.io.tmpdir is writable", ex);
		}
	}

	private static Catalog read(CatalogReader reader, ScratchDatabase database) {
		try (Connection connection = database.connect()) {
			return reader.read(connection);
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE, "Could not connect to " + database + ": " + ex.getMessage(),
					(String) null, ex);
		}
	}

	/**
	 * The files of one side, copied out of git.
	 *
	 * @param environment the environment moved onto the copy
	 * @param sources its schema files, in build order (none when the side has none)
	 */
	private record Copy(Environment environment, List<SqlSource> sources) {

	}

}
