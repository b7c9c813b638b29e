package dev.confiture.core.adopt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Pattern;

import dev.confiture.core.adopt.FileLayout.Placed;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.build.SchemaFile;
import dev.confiture.core.build.SchemaSources;
import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogLoader;
import dev.confiture.core.catalog.CatalogObject;
import dev.confiture.core.catalog.CatalogReader;
import dev.confiture.core.catalog.Constraint;
import dev.confiture.core.catalog.ObjectId;
import dev.confiture.core.catalog.SqlSource;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.config.Environment;
import dev.confiture.core.diff.Creation;
import dev.confiture.core.diff.DiffOptions;
import dev.confiture.core.diff.Plan;
import dev.confiture.core.diff.SchemaDiff;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.ScratchDatabase;

/**
 * Writes an environment's schema files from what its live database is: reads the catalog
 * (read only), plans the creation of every object with the diff engine, lays the steps
 * out one file per object in numbered folders, writes them, then proves them by building
 * them into a throw-away database and comparing its catalog with the live one.
 */
public final class SchemaExporter {

	/** Writes the steps of a baseline into the live database, in one transaction. */
	@FunctionalInterface
	public interface BaselineWriter {

		/**
		 * Records a build of the written files and marks migrations as applied.
		 * @param connection a connection to the live database, in a transaction
		 * @param sources the written files
		 * @return the versions marked as applied
		 * @throws SQLException on database failure
		 */
		List<String> record(Connection connection, SchemaSources sources) throws SQLException;

	}

	private final Environment environment;

	private final ConnectionSource database;

	private final String description;

	private final BaselineWriter baselineWriter;

	/**
	 * Creates an exporter.
	 * @param environment the environment whose schema directory is written
	 * @param database the live database
	 * @param description the live database for messages, without secrets
	 * @param baselineWriter records the baseline when asked
	 */
	public SchemaExporter(Environment environment, ConnectionSource database, String description,
			BaselineWriter baselineWriter) {
		this.environment = environment;
		this.database = database;
		this.description = description;
		this.baselineWriter = baselineWriter;
	}

	/**
	 * Writes and proves the schema files.
	 * @param options what to write
	 * @param shadowServer where the files are proved
	 * @return what was written and how the proof went
	 * @throws ConfitureException if the database holds nothing to write, a file exists
	 * and may not be overwritten, or the written files do not build
	 */
	public SchemaExportResult export(SchemaExportOptions options, PostgresServer shadowServer) {
		CatalogReader reader = CatalogReader.ignoringConfitureTables(this.environment.trackingTable());
		// the live catalog is read while the throw-away database is created and its empty
		// catalog read
		CompletableFuture<Catalog> liveRead = CompletableFuture.supplyAsync(() -> readLive(reader), (task) -> {
			Thread thread = new Thread(task, "confiture-read-live");
			thread.setDaemon(true);
			thread.start();
		});
		ScratchDatabase created;
		try {
			created = shadowServer.createDatabase();
		}
		catch (RuntimeException ex) {
			join(liveRead);
			throw ex;
		}
		Path project = this.environment.projectDirectory();
		Path directory = schemaDirectory();
		try (ScratchDatabase scratch = created) {
			Catalog base;
			try {
				base = read(reader, scratch);
			}
			catch (RuntimeException ex) {
				join(liveRead);
				throw ex;
			}
			Catalog wanted = select(join(liveRead), options);
			List<Creation> creations = SchemaDiff.creations(base, wanted);
			if (creations.isEmpty()) {
				throw new ConfitureException(Category.CONFIG,
						"Database " + this.description + " holds no schema objects to write"
								+ (options.schemas().isEmpty() && options.exclude().isEmpty() ? ""
										: " in the chosen schemas")
								+ " (Confiture's, Flyway's and Liquibase's tables are left out)",
						"Check that the environment points at the database to adopt; an empty database needs no adoption");
			}
			ObjectFiles files = new ObjectFiles(wanted);
			Map<String, List<Placed>> layout = FileLayout.layout(creations,
					(object) -> files.file(files.owner(wanted.get(object))));
			List<String> existing = new ArrayList<>();
			layout.keySet().forEach((path) -> {
				if (Files.exists(directory.resolve(path))) {
					existing.add(display(project, directory.resolve(path)));
				}
			});
			if (!existing.isEmpty() && !options.overwrite()) {
				throw new ConfitureException(
						Category.CONFIG, existing.size() + " schema file(s) to write already exist: "
								+ String.join(", ", existing) + ". Nothing was written",
						"Move them away, or allow overwriting them");
			}
			List<String> otherFiles = otherFiles(directory, layout.keySet(), project);
			List<String> written = new ArrayList<>();
			List<String> deferred = new ArrayList<>();
			List<SqlSource> sources = new ArrayList<>();
			for (Map.Entry<String, List<Placed>> file : layout.entrySet()) {
				Path path = directory.resolve(file.getKey());
				String text = render(file.getValue(), deferred);
				write(path, text);
				written.add(display(project, path));
				sources.add(new SqlSource(display(project, path), text));
			}
			try {
				CatalogLoader.build(scratch, sources);
			}
			catch (ConfitureException ex) {
				throw new ConfitureException(ex.category(),
						"Wrote " + written.size() + " schema files to " + display(project, directory)
								+ ", but they do not build: " + ex.getMessage(),
						"Correct the file named above (PostgreSQL's own definitions were written as read) and build again",
						ex);
			}
			Catalog built = select(read(reader, scratch), options);
			List<ObjectId> reprinted = reprinted(wanted, built);
			Plan plan = SchemaDiff.compare(wanted.filter((object) -> !reprinted.contains(object.id())),
					built.filter((object) -> !reprinted.contains(object.id())), DiffOptions.defaults());
			List<String> differences = new ArrayList<>();
			plan.steps().forEach((step) -> differences.add(step.description()));
			differences.addAll(plan.notes());
			List<String> baselined = List.of();
			boolean recorded = false;
			if (options.baseline() && differences.isEmpty()) {
				baselined = baseline(written, project);
				recorded = true;
			}
			return new SchemaExportResult(this.description, display(project, directory), written,
					wanted.objects().size() - countShared(base, wanted), deferred, otherFiles, differences,
					reprinted.stream().map(ObjectId::toString).toList(), baselined, recorded);
		}
	}

	private Catalog readLive(CatalogReader reader) {
		try (Connection connection = this.database.open()) {
			return reader.read(connection);
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not connect to " + this.description + ": " + ex.getMessage(),
					"Check that PostgreSQL is running and that the environment's database is right", ex);
		}
	}

	/** The live catalog, or the failure of its read as it was thrown. */
	private static Catalog join(CompletableFuture<Catalog> read) {
		try {
			return read.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException cause) {
				throw cause;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

	private List<String> baseline(List<String> written, Path project) {
		SchemaSources all = SchemaSources.discover(project, List.of(schemaDirectory()),
				this.environment.excludeDirectories(), List.of());
		SchemaSources sources = new SchemaSources(project,
				all.schemaFiles().stream().filter((file) -> written.contains(file.relativePath())).toList(), List.of());
		try (Connection connection = this.database.open()) {
			connection.setAutoCommit(false);
			try {
				List<String> versions = this.baselineWriter.record(connection, sources);
				connection.commit();
				return versions;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not record the baseline in " + this.description + ": " + ex.getMessage(),
					"Nothing was recorded; the schema files are written", ex);
		}
	}

	/**
	 * Constraints whose definition PostgreSQL prints differently once the printed text is
	 * built again (an {@code IN} list on a {@code varchar} column comes back with its
	 * casts moved), although the written statement is the live definition itself.
	 */
	private static List<ObjectId> reprinted(Catalog live, Catalog built) {
		List<ObjectId> reprinted = new ArrayList<>();
		for (Constraint constraint : live.all(Constraint.class)) {
			if (built.get(constraint.id()) instanceof Constraint other && !other.equals(constraint)
					&& other.type().equals(constraint.type()) && other.validated() == constraint.validated()
					&& java.util.Objects.equals(other.index(), constraint.index())) {
				reprinted.add(constraint.id());
			}
		}
		return reprinted;
	}

	private static int countShared(Catalog base, Catalog wanted) {
		return (int) wanted.objects().keySet().stream().filter((id) -> base.get(id) != null).count();
	}

	/**
	 * The objects to write: those of the chosen schemas, without the excluded ones, each
	 * with the constraints, indexes, triggers, comments and policies of its file.
	 */
	static Catalog select(Catalog live, SchemaExportOptions options) {
		if (options.schemas().isEmpty() && options.exclude().isEmpty()) {
			return live;
		}
		List<Pattern> patterns = options.exclude().stream().map(SchemaExporter::glob).toList();
		ObjectFiles files = new ObjectFiles(live);
		return live.filter((object) -> {
			CatalogObject owner = files.ownerObject(files.owner(object));
			if (owner == null) {
				return true;
			}
			String[] name = ObjectFiles.schemaAndName(owner);
			if (name[0] != null && !options.schemas().isEmpty() && !options.schemas().contains(name[0])) {
				return false;
			}
			String qualified = (name[0] != null) ? name[0] + "." + name[1] : name[1];
			return patterns.stream()
				.noneMatch((pattern) -> pattern.matcher(name[1]).matches() || pattern.matcher(qualified).matches());
		});
	}

	private static Pattern glob(String pattern) {
		StringBuilder regex = new StringBuilder();
		for (char c : pattern.toCharArray()) {
			regex.append((c == '*') ? ".*" : (c == '?') ? "." : Pattern.quote(String.valueOf(c)));
		}
		return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
	}

	private static String render(List<Placed> steps, List<String> deferred) {
		StringBuilder text = new StringBuilder();
		if (steps.stream().anyMatch((placed) -> isRoutine(placed.creation().object()))) {
			text.append("-- Function bodies are checked when they run, not when they are created.\n");
			text.append("SET check_function_bodies = off;\n\n");
		}
		for (Placed placed : steps) {
			String description = placed.creation().step().description();
			text.append("-- ").append(description);
			if (placed.deferredBecause() != null) {
				text.append(" (after all other files: it needs ").append(placed.deferredBecause()).append(')');
				deferred.add(description + " needs " + placed.deferredBecause());
			}
			text.append('\n');
			placed.creation().step().statements().forEach((statement) -> text.append(statement).append(";\n"));
			text.append('\n');
		}
		return text.toString().stripTrailing() + "\n";
	}

	private static boolean isRoutine(ObjectId object) {
		return object != null && (object.kind().equals("function") || object.kind().equals("procedure"));
	}

	private Path schemaDirectory() {
		for (Path include : this.environment.includeDirectories()) {
			if (!include.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".sql")) {
				return include;
			}
		}
		return this.environment.projectDirectory().resolve("db/schema");
	}

	private List<String> otherFiles(Path directory, java.util.Set<String> written, Path project) {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		SchemaSources sources;
		try {
			sources = SchemaSources.discover(project, List.of(directory), this.environment.excludeDirectories(),
					List.of());
		}
		catch (ConfitureException ex) {
			return List.of();
		}
		List<String> others = new ArrayList<>();
		for (SchemaFile file : sources.schemaFiles()) {
			String relative = file.relativePath();
			if (written.stream().noneMatch((path) -> display(project, directory.resolve(path)).equals(relative))) {
				others.add(relative);
			}
		}
		return others;
	}

	private static void write(Path path, String text) {
		try {
			Files.createDirectories(path.getParent());
			Files.writeString(path, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.GENERIC, "Could not write " + path + ": " + ex.getMessage(),
					"Check that the schema directory is writable", ex);
		}
	}

	private static Catalog read(CatalogReader reader, ScratchDatabase database) {
		try (Connection connection = database.connect()) {
			return reader.read(connection);
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE, "Could not connect to " + database + ": " + ex.getMessage(),
					"Check that the shadow server accepts connections", ex);
		}
	}

	private static String display(Path project, Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		Path base = project.toAbsolutePath().normalize();
		return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
	}

}
