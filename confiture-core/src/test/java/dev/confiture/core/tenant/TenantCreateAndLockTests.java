package dev.confiture.core.tenant;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.Confiture;
import dev.confiture.core.TestProject;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.Environment;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tenant creation with seeds and as a new database, a tenant query naming a missing
 * schema, and a tenant whose lock another runner holds, against a real PostgreSQL.
 */
class TenantCreateAndLockTests {

	@TempDir
	Path root;

	TestProject project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() {
		this.project = new TestProject(this.root);
		this.project.file("db/schema/10_tables/accounts.sql",
				"CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);");
		this.project.file("db/seeds/common/10_accounts.sql", "INSERT INTO accounts VALUES (1, 100);");
		this.project.file("db/migrations/001_accounts.up.sql",
				"CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);");
		this.database = PostgresServers.shared().createDatabase();
		environment("schemas:\n    like: tenant\\_%");
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void createdTenantGetsTheEnvironmentsSeedsUnlessSchemaOnly() {
		TenantCreation seeded = confiture().createTenant(TenantCreateOptions.of("tenant_seeded"));
		assertThat(seeded.seedFiles()).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM tenant_seeded.accounts")).isEqualTo(1);
		TenantCreation bare = confiture().createTenant(TenantCreateOptions.of("tenant_bare").withSchemaOnly(true));
		assertThat(bare.seedFiles()).isZero();
		assertThat(count("SELECT count(*) FROM tenant_bare.accounts")).isZero();
		assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'accounts'"))
			.isZero();
	}

	@Test
	void databaseTenantIsANewDatabaseBuiltAndBaselinedAndABrokenOneIsDroppedAgain() throws SQLException {
		String name = "tenant_db_" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
		environment("databases:\n    list: [" + this.database.settings().jdbcUrl() + "]");
		try {
			TenantCreation created = confiture().createTenant(TenantCreateOptions.of(name));
			assertThat(created.created()).isTrue();
			assertThat(created.tenant().isSchema()).isFalse();
			assertThat(created.baselinedMigrations()).containsExactly("001");
			try (Connection tenant = tenantConnection(name);
					Statement statement = tenant.createStatement();
					ResultSet rows = statement.executeQuery("SELECT (SELECT count(*) FROM accounts), "
							+ "(SELECT string_agg(version, ',') FROM confiture_migrations)")) {
				rows.next();
				assertThat(rows.getLong(1)).isEqualTo(1);
				assertThat(rows.getString(2)).isEqualTo("001");
			}
			assertThatExceptionOfType(ConfitureException.class)
				.isThrownBy(() -> confiture().createTenant(TenantCreateOptions.of(name)))
				.withMessageContaining("the database already exists; nothing was changed");
			assertThat(confiture().createTenant(TenantCreateOptions.of(name).withIfMissing(true)).created()).isFalse();
		}
		finally {
			execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
		}
		this.project.file("db/schema/20_views/broken.sql", "CREATE VIEW v AS SELECT nope FROM accounts;");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture().createTenant(TenantCreateOptions.of(name)))
			.withMessageContaining("db/schema/20_views/broken.sql");
		assertThat(count("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")).isZero();
	}

	@Test
	void tenantQueryNamingASchemaThatDoesNotExistRunsNothing() {
		confiture().createTenant(TenantCreateOptions.of("tenant_a"));
		this.project.file("db/migrations/002_note.up.sql", "ALTER TABLE accounts ADD COLUMN note text;");
		environment("schemas:\n    query: SELECT 'tenant_a' UNION ALL SELECT 'tenant_gone'");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture().fleet(FleetOptions.of(FleetAction.MIGRATE)))
			.withMessageContaining("Tenant schema tenant_gone listed by")
			.withMessageContaining("does not exist")
			.withMessageContaining("nothing was run");
		assertThat(count("SELECT count(*) FROM tenant_a.confiture_migrations")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM pg_attribute WHERE attname = 'note'")).isZero();
	}

	@Test
	void tenantWhoseLockAnotherRunnerHoldsIsReportedLockedAndTheOthersAreMigrated() throws SQLException {
		for (String name : List.of("tenant_a", "tenant_b", "tenant_c")) {
			confiture().createTenant(TenantCreateOptions.of(name));
		}
		this.project.file("db/migrations/002_note.up.sql", "ALTER TABLE accounts ADD COLUMN note text;");
		try (Connection holder = this.database.connect()) {
			holder.setAutoCommit(false);
			Confiture.configure()
				.environment(new Environment("holder", null, this.root, List.of(), List.of(), List.of(),
						this.database.settings(), this.root.resolve("db/migrations"), "tenant_b.confiture_migrations"))
				.load()
				.migrator()
				.build()
				.lockTransaction(holder);
			FleetResult result = confiture()
				.fleet(FleetOptions.of(FleetAction.MIGRATE).withLockWait(java.time.Duration.ofMillis(300)));
			assertThat(outcome(result, "tenant_b").state()).isEqualTo(TenantState.LOCKED);
			assertThat(outcome(result, "tenant_b").error()).contains("lock");
			assertThat(outcome(result, "tenant_a").state()).isEqualTo(TenantState.MIGRATED);
			assertThat(outcome(result, "tenant_c").state()).isEqualTo(TenantState.MIGRATED);
			assertThat(result.allUpToDate()).isFalse();
			holder.rollback();
		}
		assertThat(count("SELECT count(*) FROM tenant_b.confiture_migrations")).isEqualTo(1);
		FleetResult again = confiture().fleet(FleetOptions.of(FleetAction.MIGRATE));
		assertThat(outcome(again, "tenant_b").appliedVersions()).containsExactly("002");
		assertThat(again.allUpToDate()).isTrue();
	}

	private Connection tenantConnection(String name) throws SQLException {
		ConnectionSettings settings = this.database.settings().withDatabase(name);
		return java.sql.DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
	}

	private void environment(String tenants) {
		String password = this.database.settings().password();
		this.project.environment("local",
				"name: local\nincludes: [../schema]\nseeds: [../seeds/common]\ndatabase_url: "
						+ this.database.settings().jdbcUrl() + "?user=" + this.database.settings().user()
						+ ((password != null) ? "&password=" + password : "") + "\ntenants:\n  " + tenants + "\n");
	}

	private Confiture confiture() {
		return Confiture.configure().projectDirectory(this.root).environment("local").load();
	}

	private static TenantOutcome outcome(FleetResult result, String tenant) {
		return result.tenants().stream().filter((outcome) -> outcome.tenant().equals(tenant)).findFirst().orElseThrow();
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private long count(String sql) {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
