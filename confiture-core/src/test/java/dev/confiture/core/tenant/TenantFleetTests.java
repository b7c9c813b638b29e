package dev.confiture.core.tenant;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.Confiture;
import dev.confiture.core.TestProject;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.config.ConfigurationException;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tenant fleets against a real PostgreSQL: schemas created from the schema files,
 * migrated in parallel by concurrent runs, broken and drifted tenants, databases as
 * tenants, bad input.
 */
class TenantFleetTests {

	@TempDir
	Path root;

	TestProject project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() throws SQLException {
		this.project = new TestProject(this.root);
		this.project.file("db/schema/10_tables/accounts.sql",
				"CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);");
		this.project.file("db/migrations/001_accounts.up.sql",
				"CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric NOT NULL DEFAULT 0);");
		this.database = PostgresServers.shared().createDatabase();
		execute("CREATE TABLE public.applied_log (tenant text, version text)");
		environment("schemas:\n    like: tenant\\_%");
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void fiftyTenantsAreMigratedExactlyOnceByTwoConcurrentRuns() throws Exception {
		for (int i = 0; i < 50; i++) {
			confiture().createTenant(TenantCreateOptions.of(String.format("tenant_%02d", i)));
		}
		addMigrationsTwoAndThree();
		CyclicBarrier barrier = new CyclicBarrier(2);
		List<CompletableFuture<FleetResult>> runs = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			runs.add(CompletableFuture.supplyAsync(() -> {
				await(barrier);
				return confiture().fleet(FleetOptions.of(FleetAction.MIGRATE).withParallel(4, 4));
			}));
		}
		List<FleetResult> results = runs.stream().map(CompletableFuture::join).toList();
		for (FleetResult result : results) {
			assertThat(result.tenants()).hasSize(50);
			assertThat(result.allUpToDate()).isTrue();
		}
		assertThat(count("SELECT count(*) FROM public.applied_log")).isEqualTo(100);
		assertThat(count("SELECT count(*) FROM (SELECT DISTINCT tenant, version FROM public.applied_log) d"))
			.isEqualTo(100);
		for (int i = 0; i < 50; i++) {
			int tenant = i;
			List<String> applied = new ArrayList<>();
			results.forEach((result) -> applied.addAll(result.tenants().get(tenant).appliedVersions()));
			assertThat(applied).containsExactlyInAnyOrder("002", "003");
		}
		FleetResult again = confiture().fleet(FleetOptions.of(FleetAction.MIGRATE));
		assertThat(again.counts()).containsEntry(TenantState.UP_TO_DATE, 50).hasSize(1);
	}

	@Test
	void brokenTenantFailsAloneAndIsFinishedByTheNextRun() throws SQLException {
		for (String name : List.of("tenant_a", "tenant_b", "tenant_c", "tenant_d")) {
			confiture().createTenant(TenantCreateOptions.of(name));
		}
		execute("INSERT INTO tenant_c.accounts VALUES (1, -5)");
		this.project.file("db/migrations/002_positive.up.sql",
				"-- balances are never negative\nALTER TABLE accounts ADD CONSTRAINT positive CHECK (balance >= 0);");
		FleetResult first = confiture().fleet(FleetOptions.of(FleetAction.MIGRATE).withParallel(2, 2));
		assertThat(first.allUpToDate()).isFalse();
		TenantOutcome broken = outcome(first, "tenant_c");
		assertThat(broken.state()).isEqualTo(TenantState.FAILED);
		assertThat(broken.error()).contains("db/migrations/002_positive.up.sql:2").contains("positive");
		assertThat(broken.pendingVersions()).containsExactly("002");
		for (String name : List.of("tenant_a", "tenant_b", "tenant_d")) {
			assertThat(outcome(first, name).state()).isEqualTo(TenantState.MIGRATED);
		}
		assertThat(count("SELECT count(*) FROM pg_constraint WHERE conname = 'positive'")).isEqualTo(3);
		execute("UPDATE tenant_c.accounts SET balance = 0");
		FleetResult second = confiture().fleet(FleetOptions.of(FleetAction.MIGRATE));
		assertThat(second.allUpToDate()).isTrue();
		assertThat(outcome(second, "tenant_c").appliedVersions()).containsExactly("002");
		assertThat(second.tenants().stream().filter((t) -> t.state() == TenantState.MIGRATED)).hasSize(1);
	}

	@Test
	void tenantsWithOneHistoryEachGetTheirOwnUnmodifiableOutcome() throws SQLException {
		List<String> names = List.of("tenant_a", "tenant_b", "tenant_c", "tenant_d", "tenant_e");
		for (String name : names) {
			confiture().createTenant(TenantCreateOptions.of(name));
		}
		execute("INSERT INTO tenant_d.accounts VALUES (1, -5)");
		addMigrationsTwoAndThree();
		this.project.file("db/migrations/004_positive.up.sql",
				"ALTER TABLE accounts ADD CONSTRAINT positive CHECK (balance >= 0);");
		FleetResult status = confiture().fleet(FleetOptions.of(FleetAction.STATUS));
		for (String name : names) {
			TenantOutcome outcome = outcome(status, name);
			assertThat(outcome.state()).isEqualTo(TenantState.PENDING);
			assertThat(outcome.currentVersion()).isEqualTo("001");
			assertThat(outcome.pendingVersions()).containsExactly("002", "003", "004");
			assertThat(outcome.appliedVersions()).isEmpty();
		}
		FleetResult result = confiture().fleet(FleetOptions.of(FleetAction.MIGRATE).withParallel(2, 2));
		TenantOutcome failed = outcome(result, "tenant_d");
		assertThat(failed.state()).isEqualTo(TenantState.FAILED);
		assertThat(failed.pendingVersions()).endsWith("004");
		assertThat(failed.appliedVersions()).doesNotContain("004");
		for (TenantOutcome outcome : result.tenants()) {
			assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> outcome.appliedVersions().add("005"));
			assertThatExceptionOfType(UnsupportedOperationException.class)
				.isThrownBy(() -> outcome.pendingVersions().clear());
			if (outcome != failed) {
				assertThat(outcome.state()).isEqualTo(TenantState.MIGRATED);
				assertThat(outcome.appliedVersions()).containsExactly("002", "003", "004");
				assertThat(outcome.pendingVersions()).isEmpty();
				assertThat(outcome.currentVersion()).isEqualTo("004");
			}
		}
		assertThat(status.tenants())
			.allSatisfy((outcome) -> assertThat(outcome.pendingVersions()).containsExactly("002", "003", "004"));
	}

	@Test
	void failFastStopsStartingTenants() throws SQLException {
		for (String name : List.of("tenant_a", "tenant_b", "tenant_c")) {
			confiture().createTenant(TenantCreateOptions.of(name));
		}
		execute("INSERT INTO tenant_a.accounts VALUES (1, -5)");
		this.project.file("db/migrations/002_positive.up.sql",
				"ALTER TABLE accounts ADD CONSTRAINT positive CHECK (balance >= 0);");
		FleetResult result = confiture()
			.fleet(FleetOptions.of(FleetAction.MIGRATE).withParallel(1, 1).withFailFast(true));
		assertThat(outcome(result, "tenant_a").state()).isEqualTo(TenantState.FAILED);
		assertThat(outcome(result, "tenant_b").state()).isEqualTo(TenantState.NOT_RUN);
		assertThat(count("SELECT count(*) FROM pg_constraint WHERE conname = 'positive'")).isZero();
	}

	@Test
	void driftedTenantIsReportedAndSkipped() throws SQLException {
		for (String name : List.of("tenant_a", "tenant_b", "tenant_c", "tenant_d")) {
			confiture().createTenant(TenantCreateOptions.of(name));
		}
		execute("ALTER TABLE tenant_b.accounts ADD COLUMN note text");
		addMigrationsTwoAndThree();
		FleetResult result = confiture().fleet(FleetOptions.of(FleetAction.MIGRATE));
		TenantOutcome drifted = outcome(result, "tenant_b");
		assertThat(drifted.state()).isEqualTo(TenantState.DRIFTED);
		assertThat(drifted.differences())
			.anySatisfy((line) -> assertThat(line).contains("unexpected column accounts.note"));
		assertThat(drifted.pendingVersions()).containsExactly("002", "003");
		assertThat(count("SELECT count(*) FROM public.applied_log WHERE tenant = 'tenant_b'")).isZero();
		assertThat(count("SELECT count(*) FROM public.applied_log")).isEqualTo(6);
		FleetResult verify = confiture().fleet(FleetOptions.of(FleetAction.VERIFY));
		assertThat(outcome(verify, "tenant_a").state()).isEqualTo(TenantState.UP_TO_DATE);
		assertThat(outcome(verify, "tenant_b").state()).isEqualTo(TenantState.DRIFTED);
	}

	@Test
	void changedChecksumSkipsTenantsWithoutRunningAnything() throws SQLException {
		confiture().createTenant(TenantCreateOptions.of("tenant_a"));
		this.project.file("db/migrations/001_accounts.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);");
		addMigrationsTwoAndThree();
		FleetResult result = confiture().fleet(FleetOptions.of(FleetAction.MIGRATE));
		TenantOutcome outcome = outcome(result, "tenant_a");
		assertThat(outcome.state()).isEqualTo(TenantState.CHECKSUM_CHANGED);
		assertThat(outcome.error()).contains("001_accounts").contains("db/migrations/001_accounts.up.sql");
		assertThat(count("SELECT count(*) FROM public.applied_log")).isZero();
	}

	@Test
	void statusReportsPendingTenants() {
		confiture().createTenant(TenantCreateOptions.of("tenant_a"));
		addMigrationsTwoAndThree();
		FleetResult status = confiture().fleet(FleetOptions.of(FleetAction.STATUS));
		TenantOutcome outcome = outcome(status, "tenant_a");
		assertThat(outcome.state()).isEqualTo(TenantState.PENDING);
		assertThat(outcome.currentVersion()).isEqualTo("001");
		assertThat(outcome.pendingVersions()).containsExactly("002", "003");
		assertThat(status.allUpToDate()).isFalse();
	}

	@Test
	void createTenantBuildsTheSchemaAndBaselines() throws SQLException {
		TenantCreation creation = confiture().createTenant(TenantCreateOptions.of("tenant_new"));
		assertThat(creation.created()).isTrue();
		assertThat(creation.baselinedMigrations()).containsExactly("001");
		assertThat(count("SELECT count(*) FROM tenant_new.confiture_migrations")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM tenant_new.confiture_builds")).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tablename = 'accounts'"))
			.isZero();
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture().createTenant(TenantCreateOptions.of("tenant_new")))
			.withMessageContaining("already exists");
		assertThat(confiture().createTenant(TenantCreateOptions.of("tenant_new").withIfMissing(true)).created())
			.isFalse();
	}

	@Test
	void brokenSchemaFileCreatesNothing() throws SQLException {
		this.project.file("db/schema/20_views/broken.sql", "CREATE VIEW v AS SELECT nope FROM accounts;");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture().createTenant(TenantCreateOptions.of("tenant_x")))
			.withMessageContaining("db/schema/20_views/broken.sql");
		assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = 'tenant_x'")).isZero();
	}

	@Test
	void schemaFilesThatMakeTheTrackingTableKeepTheirRows() throws SQLException {
		this.project.file("db/migrations/002_more.up.sql", "SELECT 1;");
		this.project.file("db/schema/20_tracking/history.sql", "CREATE TABLE confiture_migrations (version text "
				+ "PRIMARY KEY, name text NOT NULL, kind text NOT NULL, checksum text, applied_by text NOT NULL DEFAULT "
				+ "current_user, applied_at timestamptz NOT NULL DEFAULT now(), execution_ms bigint NOT NULL DEFAULT 0);\n"
				+ "INSERT INTO confiture_migrations (version, name, kind) VALUES ('001', 'mine', 'sql');");
		TenantCreation creation = confiture().createTenant(TenantCreateOptions.of("tenant_own"));
		assertThat(creation.baselinedMigrations()).containsExactly("002");
		assertThat(count("SELECT count(*) FROM tenant_own.confiture_migrations WHERE version || name || kind "
				+ "IN ('001minesql', '002morebaseline')"))
			.isEqualTo(2);
		assertThat(count("SELECT count(obj_description('tenant_own.confiture_migrations'::regclass))")).isZero();
	}

	@Test
	void migrationsThatCannotBeFoundFailTheCreationBeforeAnythingElse() throws SQLException {
		confiture().createTenant(TenantCreateOptions.of("tenant_old"));
		this.project.file("db/migrations/001_again.up.sql", "SELECT 1;");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture().createTenant(TenantCreateOptions.of("tenant_old").withIfMissing(true)))
			.withMessageContaining("more than one migration");
		this.project.file("db/schema/20_views/broken.sql", "CREATE VIEW v AS SELECT nope FROM accounts;");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture().createTenant(TenantCreateOptions.of("tenant_x")))
			.withMessageContaining("more than one migration");
		assertThat(count("SELECT count(*) FROM pg_namespace WHERE nspname = 'tenant_x'")).isZero();
	}

	@Test
	void concurrentCreatesOfOneTenantBuildItOnce() {
		CyclicBarrier barrier = new CyclicBarrier(3);
		List<CompletableFuture<TenantCreation>> creations = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			creations.add(CompletableFuture.supplyAsync(() -> {
				await(barrier);
				return confiture().createTenant(TenantCreateOptions.of("tenant_race").withIfMissing(true));
			}));
		}
		CompletableFuture<FleetResult> fleet = CompletableFuture.supplyAsync(() -> {
			await(barrier);
			return confiture().fleet(FleetOptions.of(FleetAction.MIGRATE).withTenants(List.of()));
		});
		assertThat(creations.stream().map(CompletableFuture::join).filter(TenantCreation::created)).hasSize(1);
		fleet.handle((result, failure) -> null).join();
		FleetResult after = confiture().fleet(FleetOptions.of(FleetAction.MIGRATE));
		assertThat(outcome(after, "tenant_race").state()).isEqualTo(TenantState.UP_TO_DATE);
	}

	@Test
	void tenantCreatedWhileTheFleetMigratesIsBuiltOnceAndNeverMigrated() throws SQLException {
		for (int i = 0; i < 6; i++) {
			confiture().createTenant(TenantCreateOptions.of("tenant_0" + i));
		}
		addMigrationsTwoAndThree();
		CyclicBarrier barrier = new CyclicBarrier(2);
		CompletableFuture<FleetResult> fleet = CompletableFuture.supplyAsync(() -> {
			await(barrier);
			return confiture().fleet(FleetOptions.of(FleetAction.MIGRATE).withParallel(2, 2));
		});
		CompletableFuture<TenantCreation> creation = CompletableFuture.supplyAsync(() -> {
			await(barrier);
			return confiture().createTenant(TenantCreateOptions.of("tenant_new"));
		});
		FleetResult result = fleet.join();
		TenantCreation created = creation.join();
		assertThat(created.created()).isTrue();
		assertThat(created.baselinedMigrations()).containsExactly("001", "002", "003");
		assertThat(result.allUpToDate()).as(result.toString()).isTrue();
		assertThat(result.tenants()).filteredOn((tenant) -> tenant.tenant().startsWith("tenant_0"))
			.hasSize(6)
			.allSatisfy((tenant) -> assertThat(tenant.appliedVersions()).containsExactly("002", "003"));
		assertThat(result.tenants()).filteredOn((tenant) -> tenant.tenant().equals("tenant_new"))
			.allSatisfy((tenant) -> assertThat(tenant.appliedVersions()).isEmpty());
		assertThat(count("SELECT count(*) FROM public.applied_log WHERE tenant = 'tenant_new'")).isZero();
		assertThat(count("SELECT count(*) FROM public.applied_log")).isEqualTo(12);
		assertThat(count("SELECT count(*) FROM tenant_new.confiture_migrations")).isEqualTo(3);
		FleetResult again = confiture().fleet(FleetOptions.of(FleetAction.MIGRATE));
		assertThat(again.counts()).containsEntry(TenantState.UP_TO_DATE, 7).hasSize(1);
	}

	@Test
	void databasesOnTwoServersAreTenants() throws SQLException {
		try (ScratchDatabase one = PostgresServers.shared().createDatabase();
				ScratchDatabase two = PostgresServers.shared().createDatabase()) {
			environment("databases:\n    list:\n      - " + one.settings().jdbcUrl() + "\n      - "
					+ two.settings().jdbcUrl().replace("localhost", "127.0.0.1"));
			addMigrationsTwoAndThree(false);
			FleetResult result = confiture().fleet(FleetOptions.of(FleetAction.MIGRATE).withParallel(2, 1));
			assertThat(result.tenants()).extracting(TenantOutcome::tenant)
				.containsExactlyInAnyOrder(one.name(), two.name());
			assertThat(result.tenants()).extracting(TenantOutcome::server).doesNotHaveDuplicates();
			assertThat(result.tenants()).allSatisfy((tenant) -> {
				assertThat(tenant.state()).isEqualTo(TenantState.MIGRATED);
				assertThat(tenant.appliedVersions()).containsExactly("001", "002", "003");
			});
			assertThat(confiture().fleet(FleetOptions.of(FleetAction.STATUS)).allUpToDate()).isTrue();
			assertThat(confiture().fleet(FleetOptions.of(FleetAction.VERIFY)).allUpToDate()).isTrue();
		}
	}

	@Test
	void queryReturningNothingIsAClearError() {
		environment("schemas:\n    query: SELECT 'x' WHERE false");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> confiture().tenants())
			.withMessageContaining("The tenant query returned no rows");
	}

	@Test
	void queryReturningDuplicatesIsAClearError() {
		environment("schemas:\n    query: SELECT 'tenant_a' UNION ALL SELECT 'tenant_a'");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> confiture().tenants())
			.withMessageContaining("names tenant_a more than once");
	}

	@Test
	void listedSchemaThatDoesNotExistIsAClearError() {
		confiture().createTenant(TenantCreateOptions.of("tenant_a"));
		environment("schemas:\n    list: [tenant_a, tenant_ghost]");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture().fleet(FleetOptions.of(FleetAction.MIGRATE)))
			.withMessageContaining("Tenant schema tenant_ghost")
			.withMessageContaining("does not exist");
	}

	@Test
	void unknownTenantAndBadParallelRunNothing() {
		confiture().createTenant(TenantCreateOptions.of("tenant_a"));
		addMigrationsTwoAndThree();
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture().fleet(FleetOptions.of(FleetAction.MIGRATE).withTenants(List.of("tenant_z"))))
			.withMessageContaining("Unknown tenant tenant_z")
			.withMessageContaining("tenant_a");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture().fleet(FleetOptions.of(FleetAction.MIGRATE).withParallel(0, 4)))
			.withMessageContaining("must be from 1 to 256, not 0");
		assertThat(count("SELECT count(*) FROM public.applied_log")).isZero();
	}

	@Test
	void invalidTenantsBlockNamesFileAndLine() {
		environment("schemas:\n    like: tenant_%\n    list: [a]");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> confiture())
			.withMessageContaining("local.yaml:")
			.withMessageContaining("exactly one of 'like', 'list' or 'query'");
	}

	@Test
	void invalidTenantNameCreatesNothing() {
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture().createTenant(TenantCreateOptions.of("Robert'); DROP")))
			.withMessageContaining("Invalid tenant name");
	}

	private void addMigrationsTwoAndThree() {
		addMigrationsTwoAndThree(true);
	}

	private void addMigrationsTwoAndThree(boolean log) {
		this.project.file("db/migrations/002_note.up.sql", "ALTER TABLE accounts ADD COLUMN opened date;\n"
				+ (log ? "INSERT INTO public.applied_log VALUES (current_schema(), '002');" : ""));
		this.project.file("db/migrations/003_index.up.sql", "CREATE INDEX accounts_opened ON accounts (opened);\n"
				+ (log ? "INSERT INTO public.applied_log VALUES (current_schema(), '003');" : ""));
		this.project.file("db/schema/10_tables/accounts.sql",
				"CREATE TABLE accounts (id bigint PRIMARY KEY, balance numeric NOT NULL DEFAULT 0, opened date);\n"
						+ "CREATE INDEX accounts_opened ON accounts (opened);");
	}

	private void environment(String tenants) {
		this.project.environment("local",
				"name: local\nincludes: [../schema]\ndatabase_url: " + this.database.settings().jdbcUrl() + "?user="
						+ this.database.settings().user() + passwordParameter() + "\ntenants:\n  " + tenants + "\n");
	}

	private String passwordParameter() {
		String password = this.database.settings().password();
		return (password != null) ? "&password=" + password : "";
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

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
