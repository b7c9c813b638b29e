package dev.confiture.core.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.build.BaselineRecorder;
import dev.confiture.core.build.BuildListener;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.build.BuildResult;
import dev.confiture.core.build.SchemaBuilder;
import dev.confiture.core.build.SchemaFile;
import dev.confiture.core.build.SchemaHash;
import dev.confiture.core.build.SchemaSources;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.TenantSettings;
import dev.confiture.core.internal.Identifiers;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.migrate.PreparedBaseline;
import dev.confiture.core.sql.ScriptExecutor;
import dev.confiture.core.sql.SqlExecutionException;
import dev.confiture.core.sql.SqlScript;
import dev.confiture.core.sql.SqlStatement;

/**
 * Creates a tenant exactly like a build: the schema files (and seeds) in one transaction,
 * then every migration recorded as applied. A schema tenant is built with
 * {@code search_path} set to its new schema while holding the tenant's migration lock, so
 * two creators of one tenant, or a creator and a fleet run, never overlap. The files are
 * split once and reused for every tenant this creator makes.
 */
final class TenantCreator {

	private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_$]{0,62}");

	private static final String DUPLICATE_DATABASE = "42P04";

	private final String environment;

	private final TenantSettings.Kind kind;

	private final HomeDatabase database;

	private final SchemaSources sources;

	private final TenantWork work;

	private final String trackingSchema;

	private volatile Map<SchemaFile, List<SqlStatement>> scripts;

	TenantCreator(String environment, TenantSettings.Kind kind, HomeDatabase database, SchemaSources sources,
			TenantWork work, String trackingSchema) {
		this.environment = environment;
		this.kind = kind;
		this.database = database;
		this.sources = sources;
		this.work = work;
		this.trackingSchema = trackingSchema;
	}

	/** The tenant of that name, whether it exists or not. */
	Tenant tenant(String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new ConfitureException(Category.CONFIG, "Invalid tenant name '" + name + "'; nothing was created",
					"Use lower-case letters, digits, '_' and '$' (not first), at most 63 characters, as in acme");
		}
		if (this.kind == TenantSettings.Kind.SCHEMAS) {
			return new Tenant(name, name, this.database.server(), this.database.connections(),
					this.database.description());
		}
		if (this.database.settings() == null) {
			throw new ConfitureException(Category.CONFIG,
					"Cannot create database tenant " + name + ": " + this.database.description()
							+ " has no URL to derive the new database's from",
					"Configure the environment's database with a URL");
		}
		ConnectionSettings settings = this.database.settings().withDatabase(name);
		return new Tenant(name, null, this.database.server(), settings, settings.toString());
	}

	TenantCreation create(TenantCreateOptions options) {
		Tenant tenant = tenant(options.name());
		return tenant.isSchema() ? createSchema(tenant, options) : createDatabase(tenant, options);
	}

	/**
	 * Creates a schema tenant in one transaction on one connection. The Java work runs on
	 * a thread of its own while this one connects and waits for the server: splitting and
	 * hashing the schema files (needed first), then finding the migrations (needed once
	 * the files are built). A failure to find the migrations still comes first, as when
	 * they were found before connecting.
	 */
	private TenantCreation createSchema(Tenant tenant, TenantCreateOptions options) {
		long start = System.nanoTime();
		try (ConnectionPool pool = new ConnectionPool(tenant.database())) {
			Migrator migrator = this.work.lazyMigrator(tenant, pool.dataSource(tenant.schema()));
			Background<Prepared> files = new Background<>(() -> files(options.schemaOnly()));
			Background<PreparedBaseline> baseline = new Background<>(migrator::prepareBaselineAll);
			Background.start("confiture-tenant-create", files, baseline);
			try (Connection connection = tenant.database().open()) {
				connection.setAutoCommit(false);
				try {
					Object objects = migrator.lockTransaction(connection, objectsIn(tenant.schema()));
					if (objects != null && ((Number) objects).longValue() > 0) {
						connection.rollback();
						baseline.join();
						if (options.ifMissing()) {
							return new TenantCreation(tenant, false, 0, 0, 0, List.of(), TenantWork.elapsed(start));
						}
						throw new ConfitureException(Category.SCHEMA,
								"Cannot create " + tenant.description() + ": the schema already exists with " + objects
										+ " object(s); nothing was changed",
								"Choose another name, or migrate the existing tenant");
					}
					try (Statement statement = connection.createStatement()) {
						statement.execute("CREATE SCHEMA IF NOT EXISTS " + Identifiers.quote(tenant.schema())
								+ ";\nSET LOCAL search_path TO " + Identifiers.quote(tenant.schema()) + ", public");
					}
					Prepared run = files.join();
					int statements = new ScriptExecutor(connection, Category.SCHEMA).executeTogether(run.scripts());
					PreparedBaseline migrations = baseline.join();
					SchemaBuilder.record(connection, tenant.schema(), this.environment, run.hash(),
							this.sources.schemaFiles().size(), run.seeds(), statements,
							Duration.ofNanos(System.nanoTime() - start));
					List<String> baselined = migrations.record(connection)
						.stream()
						.map(MigrationInfo::version)
						.toList();
					connection.commit();
					return new TenantCreation(tenant, true, this.sources.schemaFiles().size(), run.seeds(), statements,
							baselined, TenantWork.elapsed(start));
				}
				catch (SqlExecutionException ex) {
					connection.rollback();
					baseline.join();
					throw ex.withHint("Fix " + ex.source() + " at line " + ex.line() + ". Nothing was changed: tenant "
							+ tenant.name() + " was built in one transaction and rolled back.");
				}
				catch (SQLException | RuntimeException ex) {
					connection.rollback();
					baseline.join();
					throw ex;
				}
			}
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not create " + tenant.description() + ": " + ex.getMessage(),
					"Nothing was changed: the tenant was built in one transaction and rolled back.", ex);
		}
	}

	/**
	 * The schema files (and seeds) to run, split once for every tenant this creator
	 * makes, with the schema hash.
	 */
	private Prepared files(boolean schemaOnly) {
		int seeds = 0;
		Map<String, List<SqlStatement>> run = new LinkedHashMap<>();
		for (Map.Entry<SchemaFile, List<SqlStatement>> script : scripts().entrySet()) {
			if (script.getKey().seed() && schemaOnly) {
				continue;
			}
			seeds += script.getKey().seed() ? 1 : 0;
			run.put(script.getKey().relativePath(), script.getValue());
		}
		return new Prepared(run, seeds, this.sources.schemaHash());
	}

	private Map<SchemaFile, List<SqlStatement>> scripts() {
		Map<SchemaFile, List<SqlStatement>> split = this.scripts;
		if (split == null) {
			split = new LinkedHashMap<>();
			for (SchemaFile file : this.sources.allFiles()) {
				split.put(file, SqlScript.split(file.relativePath(), SchemaHash.text(file)));
			}
			this.scripts = split;
		}
		return split;
	}

	/** How many objects a schema holds: no row when it does not exist. */
	private static String objectsIn(String schema) {
		return "SELECT (SELECT count(*) FROM pg_class c WHERE c.relnamespace = n.oid) + (SELECT count(*) FROM pg_proc p "
				+ "WHERE p.pronamespace = n.oid) + (SELECT count(*) FROM pg_type t WHERE t.typnamespace = n.oid "
				+ "AND t.typrelid = 0 AND t.typelem = 0) FROM pg_namespace n WHERE n.nspname = "
				+ Identifiers.literal(schema);
	}

	private TenantCreation createDatabase(Tenant tenant, TenantCreateOptions options) {
		long start = System.nanoTime();
		try (Connection admin = this.database.connections().open(); Statement statement = admin.createStatement()) {
			statement.execute("CREATE DATABASE " + Identifiers.quote(tenant.name()));
		}
		catch (SQLException ex) {
			if (DUPLICATE_DATABASE.equals(ex.getSQLState())) {
				if (options.ifMissing()) {
					return new TenantCreation(tenant, false, 0, 0, 0, List.of(), TenantWork.elapsed(start));
				}
				throw new ConfitureException(Category.SCHEMA,
						"Cannot create " + tenant.description() + ": the database already exists; nothing was changed",
						"Choose another name, or migrate the existing tenant");
			}
			throw new ConfitureException(Category.DATABASE,
					"Could not create the database of " + tenant.description() + ": " + ex.getMessage(),
					"Check that the environment's user may create databases (CREATEDB)", ex);
		}
		try (ConnectionPool pool = new ConnectionPool(tenant.database())) {
			Migrator migrator = this.work.migrator(tenant, pool.dataSource(null), null);
			BaselineRecorder baseline = new BaselineRecorder() {

				@Override
				public void lock(Connection connection) {
					migrator.lockTransaction(connection);
				}

				@Override
				public List<String> record(Connection connection) {
					return migrator.baselineAll(connection).stream().map(MigrationInfo::version).toList();
				}

			};
			BuildResult result = new SchemaBuilder(BuildListener.NONE, baseline).build(this.environment, this.sources,
					tenant.database(), tenant.location(), this.trackingSchema,
					BuildOptions.defaults().withSchemaOnly(options.schemaOnly()));
			return new TenantCreation(tenant, true, result.schemaFiles().size(), result.seedFiles().size(),
					result.statementCount(), result.baselinedMigrations(), TenantWork.elapsed(start));
		}
		catch (RuntimeException ex) {
			dropQuietly(tenant);
			throw ex;
		}
	}

	/**
	 * What a tenant's build runs: the statements of each file, how many seed files, and
	 * the schema hash.
	 */
	private record Prepared(Map<String, List<SqlStatement>> scripts, int seeds, String hash) {
	}

	private void dropQuietly(Tenant tenant) {
		try (Connection admin = this.database.connections().open(); Statement statement = admin.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + Identifiers.quote(tenant.name()) + " WITH (FORCE)");
		}
		catch (SQLException ex) {
			// reported by the build failure already
		}
	}

}
