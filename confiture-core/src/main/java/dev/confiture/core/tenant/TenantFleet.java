package dev.confiture.core.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.build.SchemaFile;
import dev.confiture.core.build.SchemaHash;
import dev.confiture.core.build.SchemaSources;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.config.Environment;
import dev.confiture.core.config.TenantSettings;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.sql.ScriptExecutor;
import dev.confiture.core.sql.SqlExecutionException;
import dev.confiture.core.sql.SqlScript;

/**
 * The tenants of one environment: lists them, creates new ones from the schema files, and
 * migrates, reports or verifies all of them in parallel. Made by the facade.
 */
public final class TenantFleet {

	private static final String EXPECTED_SCHEMA = "confiture_expected";

	private final Environment environment;

	private final TenantSettings settings;

	private final HomeDatabase home;

	private final TenantWork work;

	private volatile TenantCreator creator;

	/**
	 * Creates the fleet of an environment.
	 * @param environment the environment (schema files, migrations, tracking table)
	 * @param settings how the tenants are found
	 * @param connections opens connections to the environment's database
	 * @param description the environment's database for messages, without secrets
	 * @param settingsOrNull the environment's connection settings, or {@code null} when
	 * it is reached through a data source
	 * @param migrator the environment's migrator, whose settings every tenant's migrator
	 * shares
	 */
	public TenantFleet(Environment environment, TenantSettings settings, ConnectionSource connections,
			String description, ConnectionSettings settingsOrNull, Migrator migrator) {
		this.environment = environment;
		this.settings = Objects.requireNonNull(settings, "settings");
		this.home = new HomeDatabase(connections, description, settingsOrNull);
		this.work = new TenantWork(migrator, environment.trackingTable());
	}

	/** How the tenants are found. */
	public TenantSettings settings() {
		return this.settings;
	}

	/**
	 * Lists the tenants, ordered by name.
	 * @return the tenants
	 * @throws ConfitureException if the listing is empty, names a tenant twice, or names
	 * a schema that does not exist
	 */
	public List<Tenant> tenants() {
		return new TenantDirectory(this.settings, this.home).list();
	}

	/**
	 * Migrates, reports or verifies the tenants.
	 * @param options what to do and how
	 * @return every tenant's outcome
	 */
	public FleetResult run(FleetOptions options) {
		FleetRunner.check(options);
		List<Tenant> tenants = TenantDirectory.select(tenants(), options.tenants());
		return new FleetRunner(this.work).run(tenants, options, () -> expected(options.shadowServer()));
	}

	/**
	 * Creates a tenant from the schema files.
	 * @param options the tenant's name and how to build it
	 * @return what was done
	 */
	public TenantCreation create(TenantCreateOptions options) {
		TenantCreator creator = this.creator;
		if (creator == null) {
			String table = this.environment.trackingTable();
			int dot = table.lastIndexOf('.');
			creator = new TenantCreator(this.environment.name(), this.settings.kind(), this.home,
					SchemaSources.discover(this.environment), this.work, (dot > 0) ? table.substring(0, dot) : null);
			this.creator = creator;
		}
		return creator.create(options);
	}

	private Set<String> expected(PostgresServer configured) {
		PostgresServer server = (configured != null) ? configured
				: (this.home.settings() != null)
						? PostgresServers.existing(this.home.settings(), "the environment's database server")
						: PostgresServers.shared();
		boolean schemas = this.settings.kind() == TenantSettings.Kind.SCHEMAS;
		try (ScratchDatabase database = server.createDatabase(); Connection connection = database.connect()) {
			connection.setAutoCommit(false);
			if (schemas) {
				try (Statement statement = connection.createStatement()) {
					statement.execute("CREATE SCHEMA " + EXPECTED_SCHEMA);
					statement.execute("SET LOCAL search_path TO " + EXPECTED_SCHEMA + ", public");
				}
			}
			ScriptExecutor executor = new ScriptExecutor(connection, Category.SCHEMA);
			for (SchemaFile file : SchemaSources.discover(this.environment).schemaFiles()) {
				executor.execute(file.relativePath(), SqlScript.split(file.relativePath(), SchemaHash.text(file)));
			}
			Set<String> lines = Structure.read(connection, schemas ? EXPECTED_SCHEMA : null);
			connection.rollback();
			return lines;
		}
		catch (SqlExecutionException ex) {
			throw ex.withHint("Fix " + ex.source() + " at line " + ex.line()
					+ "; it was built into a throw-away database to read what the tenants should have");
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not build the schema files into a throw-away database: " + ex.getMessage(),
					"Check that the server allows CREATE DATABASE, or name another server for throw-away databases",
					ex);
		}
	}

}
