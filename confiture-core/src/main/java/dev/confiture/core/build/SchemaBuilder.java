package dev.confiture.core.build;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.confiture.core.internal.Identifiers;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Interruption;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.sql.ScriptExecutor;
import dev.confiture.core.sql.SqlExecutionException;
import dev.confiture.core.sql.SqlScript;
import dev.confiture.core.sql.SqlStatement;
import dev.confiture.core.internal.ConfitureTables;

/**
 * Builds a database from schema files ("Medium 1"): every schema file, then the seed
 * files, in one transaction, so that a failure leaves the database exactly as it was. A
 * successful build is recorded in {@value #BUILDS_TABLE}, and the migrations that exist
 * at build time are marked as applied through a {@link BaselineRecorder}.
 */
public final class SchemaBuilder {

	/** The table that records builds, next to the migration tracking table. */
	public static final String BUILDS_TABLE = ConfitureTables.BUILDS;

	private final BuildListener listener;

	private final BaselineRecorder baseline;

	/**
	 * Creates a builder.
	 * @param listener follows progress
	 * @param baseline marks existing migrations as applied
	 */
	public SchemaBuilder(BuildListener listener, BaselineRecorder baseline) {
		this.listener = listener;
		this.baseline = baseline;
	}

	/**
	 * Builds the files into a database.
	 * @param environment the environment's name, recorded with the build
	 * @param sources the files
	 * @param target the database
	 * @param trackingSchema the schema of Confiture's tables, or {@code null} for the
	 * current one
	 * @param options how to build
	 * @return what was done
	 * @throws ConfitureException if the files cannot be read or split, the database
	 * cannot be reached, is not empty, or a statement fails; nothing is changed then
	 */
	public BuildResult build(String environment, SchemaSources sources, ConnectionSettings target,
			String trackingSchema, BuildOptions options) {
		return build(environment, sources, target, target.toString(), trackingSchema, options);
	}

	/**
	 * Builds the files into a database reached through any connection source (e.g. a
	 * {@code DataSource}).
	 * @param environment the environment's name, recorded with the build
	 * @param sources the files
	 * @param target opens connections to the database
	 * @param targetDescription the database for messages, without secrets
	 * @param trackingSchema the schema of Confiture's tables, or {@code null} for the
	 * current one
	 * @param options how to build
	 * @return what was done
	 * @throws ConfitureException if the files cannot be read or split, the database
	 * cannot be reached, is not empty, or a statement fails; nothing is changed then
	 */
	public BuildResult build(String environment, SchemaSources sources, ConnectionSource target,
			String targetDescription, String trackingSchema, BuildOptions options) {
		long started = System.nanoTime();
		List<SchemaFile> files = options.schemaOnly() ? sources.schemaFiles() : sources.allFiles();
		List<SchemaFile> seedFiles = options.schemaOnly() ? List.of() : sources.seedFiles();
		this.listener.discovered(sources, options.schemaOnly());
		String hash = sources.schemaHash();
		try (Connection connection = connect(target, targetDescription);
				Interruption.Tracked tracked = Interruption.track(connection, "build of " + targetDescription)) {
			String databaseName = connection.getCatalog();
			connection.setAutoCommit(false);
			try {
				this.baseline.lock(connection);
				List<String> existing = DatabaseContents.userObjects(connection);
				List<String> dropped = List.of();
				if (!existing.isEmpty()) {
					switch (options.existing()) {
						case SKIP -> {
							connection.rollback();
							return new BuildResult(environment, targetDescription, List.of(), List.of(), hash, 0,
									List.of(),
									"database " + databaseName + " is not empty (" + describe(existing) + ")",
									List.of(), Duration.ofNanos(System.nanoTime() - started));
						}
						case REFUSE -> throw new ConfitureException(Category.SCHEMA,
								"Database " + databaseName + " is not empty: it has " + describe(existing),
								Remedy.of(Remedy.Kind.NON_EMPTY_DATABASE));
						case DROP -> dropped = dropUserSchemas(connection);
					}
				}
				Map<SchemaFile, List<SqlStatement>> scripts = split(files);
				int statements = 0;
				int index = 0;
				BaselineProof proof = BaselineProof.NOT_RUN;
				for (Map.Entry<SchemaFile, List<SqlStatement>> script : scripts.entrySet()) {
					if (index == sources.schemaFiles().size() && options.proveBaseline()) {
						proof = prove(connection);
					}
					this.listener.fileStarted(script.getKey(), ++index, scripts.size());
					statements += new ScriptExecutor(connection, Category.SCHEMA).execute(script.getKey().displayPath(),
							script.getValue());
				}
				if (index == sources.schemaFiles().size() && options.proveBaseline()) {
					proof = prove(connection);
				}
				List<String> baselined = this.baseline.record(connection);
				Duration duration = Duration.ofNanos(System.nanoTime() - started);
				record(connection, trackingSchema, environment, hash, sources.schemaFiles().size(), seedFiles.size(),
						statements, duration);
				connection.commit();
				return new BuildResult(environment, targetDescription, sources.schemaFiles(), seedFiles, hash,
						statements, dropped, null, baselined, duration, proof);
			}
			catch (SqlExecutionException ex) {
				rollback(connection);
				if (ServerResources.exhausted(ex.sqlState())) {
					throw ex.withHint(ServerResources.explain(ex.sqlState(), ex.source(), files.size()));
				}
				throw ex.withHint("Fix " + ex.source() + " at line " + ex.line()
						+ " and build again. Nothing was changed: the build ran in one transaction and was rolled back.");
			}
			catch (ConfitureException ex) {
				rollback(connection);
				if (ex.category() == Category.INTERRUPTED) {
					throw new ConfitureException(Category.INTERRUPTED,
							ex.getMessage()
									+ ". The build ran in one transaction and was rolled back: nothing was changed.",
							ex.hint(), ex.remedy(), ex);
				}
				throw ex;
			}
			catch (SQLException | RuntimeException ex) {
				rollback(connection);
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Build on " + targetDescription + " failed: " + ex.getMessage(),
					"Nothing was changed: the build ran in one transaction and was rolled back.", ex);
		}
	}

	private BaselineProof prove(Connection connection) throws SQLException {
		BaselineProof proof = this.baseline.prove(connection);
		if (!proof.passed()) {
			throw BaselineProofFailure.of(proof);
		}
		return proof;
	}

	/**
	 * Runs the seed files, in order, in one transaction, into a database that already has
	 * its schema (e.g. one built by migrations).
	 * @param sources the files; only the seed files are run
	 * @param target opens connections to the database
	 * @param targetDescription the database for messages, without secrets
	 * @return what ran
	 * @throws ConfitureException if a seed file cannot be read, split or run; nothing is
	 * changed then
	 */
	public SeedResult seed(SchemaSources sources, ConnectionSource target, String targetDescription) {
		List<SchemaFile> seeds = sources.seedFiles();
		if (seeds.isEmpty()) {
			return new SeedResult(List.of(), 0);
		}
		Map<SchemaFile, List<SqlStatement>> scripts = split(seeds);
		try (Connection connection = connect(target, targetDescription)) {
			connection.setAutoCommit(false);
			try {
				int statements = 0;
				for (Map.Entry<SchemaFile, List<SqlStatement>> script : scripts.entrySet()) {
					statements += new ScriptExecutor(connection, Category.SCHEMA)
						.execute(script.getKey().relativePath(), script.getValue());
				}
				connection.commit();
				return new SeedResult(seeds, statements);
			}
			catch (SqlExecutionException ex) {
				rollback(connection);
				throw ex.withHint("Fix " + ex.source() + " at line " + ex.line()
						+ ". Nothing was changed: the seeds ran in one transaction and were rolled back.");
			}
			catch (SQLException | RuntimeException ex) {
				rollback(connection);
				throw ex;
			}
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Loading the seeds into " + targetDescription + " failed: " + ex.getMessage(),
					"Nothing was changed: the seeds ran in one transaction and were rolled back.", ex);
		}
	}

	/**
	 * Writes the files as one SQL script instead of running them ({@code --output}).
	 * @param environment the environment's name, written in the header
	 * @param sources the files
	 * @param options whether to leave the seeds out
	 * @param output the file to write
	 */
	public void write(String environment, SchemaSources sources, BuildOptions options, Path output) {
		List<SchemaFile> files = options.schemaOnly() ? sources.schemaFiles() : sources.allFiles();
		this.listener.discovered(sources, options.schemaOnly());
		try {
			Path parent = output.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			try (Writer writer = Files.newBufferedWriter(output)) {
				SchemaScriptWriter.write(environment, sources, files, writer);
			}
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.SCHEMA, "Could not write " + output + ": " + ex.getMessage(),
					"Check that the directory exists and is writable", ex);
		}
	}

	private static Map<SchemaFile, List<SqlStatement>> split(List<SchemaFile> files) {
		Map<SchemaFile, List<SqlStatement>> scripts = new LinkedHashMap<>();
		for (SchemaFile file : files) {
			scripts.put(file, SqlScript.split(file.displayPath(), SchemaHash.text(file)));
		}
		return scripts;
	}

	static Connection connect(ConnectionSource target, String description) {
		try {
			return target.open();
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not connect to " + description + ": " + ex.getMessage(),
					"Check that PostgreSQL is running and that the environment's database settings are right", ex);
		}
	}

	private List<String> dropUserSchemas(Connection connection) throws SQLException {
		List<String> schemas = DatabaseContents.userSchemas(connection);
		this.listener.dropping(schemas);
		try (Statement statement = connection.createStatement()) {
			for (String schema : schemas) {
				statement.execute("DROP SCHEMA " + Identifiers.quote(schema) + " CASCADE");
			}
			if (schemas.contains("public")) {
				statement.execute("CREATE SCHEMA public");
				statement.execute("GRANT USAGE ON SCHEMA public TO PUBLIC");
				statement.execute("COMMENT ON SCHEMA public IS 'standard public schema'");
				Savepoint savepoint = connection.setSavepoint();
				try {
					statement.execute("ALTER SCHEMA public OWNER TO pg_database_owner");
					connection.releaseSavepoint(savepoint);
				}
				catch (SQLException ex) {
					connection.rollback(savepoint);
				}
			}
		}
		return schemas;
	}

	/**
	 * Records a build of the given schema files without running them, for a database
	 * whose schema they were read from. Does not commit.
	 * @param connection the connection, in the caller's transaction
	 * @param schema the schema of Confiture's tables, or {@code null} for the default
	 * @param environment the environment's name
	 * @param sources the schema files
	 * @throws SQLException on database failure
	 */
	public static void recordExisting(Connection connection, String schema, String environment, SchemaSources sources)
			throws SQLException {
		record(connection, schema, environment, sources.schemaHash(), sources.schemaFiles().size(), 0, 0,
				Duration.ZERO);
	}

	/**
	 * Records a build in {@value #BUILDS_TABLE}, creating the table (and its schema) if
	 * needed, on the caller's connection and in its transaction, in one round trip.
	 * @param connection the connection the build ran on
	 * @param schema the schema of Confiture's tables, or {@code null} for the current one
	 * @param environment the environment's name
	 * @param hash the schema hash
	 * @param files how many schema files were applied
	 * @param seeds how many seed files were applied
	 * @param statements how many statements ran
	 * @param duration how long the build took
	 * @throws SQLException on database failure
	 */
	public static void record(Connection connection, String schema, String environment, String hash, int files,
			int seeds, int statements, Duration duration) throws SQLException {
		String table = ((schema != null) ? Identifiers.quote(schema) + "." : "") + BUILDS_TABLE;
		String createSchema = (schema != null) ? "CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(schema) + ";\n"
				: "";
		try (PreparedStatement insert = connection.prepareStatement(createSchema + "CREATE TABLE IF NOT EXISTS " + table
				+ " (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, environment text NOT NULL, "
				+ "schema_hash text NOT NULL, file_count integer NOT NULL, seed_file_count integer NOT NULL, "
				+ "statement_count integer NOT NULL, built_by text NOT NULL DEFAULT current_user, "
				+ "built_at timestamptz NOT NULL DEFAULT now(), duration_ms bigint NOT NULL);\nINSERT INTO " + table
				+ " (environment, schema_hash, file_count, seed_file_count, statement_count, duration_ms) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")) {
			insert.setString(1, environment);
			insert.setString(2, hash);
			insert.setInt(3, files);
			insert.setInt(4, seeds);
			insert.setInt(5, statements);
			insert.setLong(6, duration.toMillis());
			insert.execute();
		}
	}

	private static String describe(List<String> objects) {
		List<String> shown = new ArrayList<>(objects.subList(0, Math.min(5, objects.size())));
		String text = String.join(", ", shown);
		return (objects.size() > shown.size()) ? text + " and " + (objects.size() - shown.size()) + " more" : text;
	}

	private static void rollback(Connection connection) {
		try {
			connection.rollback();
		}
		catch (SQLException ex) {
			// The connection is closed next; PostgreSQL rolls back what is left.
		}
	}

}
