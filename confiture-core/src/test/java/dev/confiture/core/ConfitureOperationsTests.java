package dev.confiture.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.InitializeOptions.Mode;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.build.SeedOptions;
import dev.confiture.core.build.SeedResult;
import dev.confiture.core.diff.DiffRequest;
import dev.confiture.core.diff.DiffResult;
import dev.confiture.core.diff.DiffSource;
import dev.confiture.core.migrate.BaselineOptions;
import dev.confiture.core.migrate.BaselineResult;
import dev.confiture.core.migrate.GenerateOptions;
import dev.confiture.core.migrate.GenerateResult;
import dev.confiture.core.migrate.MigrateOptions;
import dev.confiture.core.migrate.MigrateOptions.DryRun;
import dev.confiture.core.migrate.MigrateResult;
import dev.confiture.core.migrate.MigrationCounts;
import dev.confiture.core.migrate.MigrationRun;
import dev.confiture.core.migrate.RollbackOptions;
import dev.confiture.core.migrate.StatusOptions;
import dev.confiture.core.migrate.StatusReport;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.verify.DriftReport;
import dev.confiture.core.verify.VerifyOptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every operation of the facade, one options record in and one result record out, on a
 * real PostgreSQL.
 */
class ConfitureOperationsTests {

	@TempDir
	Path root;

	TestProject project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() {
		this.project = new TestProject(this.root);
		this.project.file("db/schema/10_tables/users.sql", "CREATE TABLE users (name text PRIMARY KEY, bio text);");
		this.project.file("db/seeds/development/00_users.sql", "INSERT INTO users VALUES ('seeded', NULL);");
		this.project.file("db/migrations/001_users.up.sql", "CREATE TABLE users (name text PRIMARY KEY);");
		this.project.file("db/migrations/001_users.down.sql", "DROP TABLE users;");
		this.project.file("db/migrations/002_bio.up.sql", "ALTER TABLE users ADD COLUMN bio text;");
		this.project.file("db/migrations/002_bio.down.sql", "ALTER TABLE users DROP COLUMN bio;");
		this.project.environment("local", """
				include_dirs: [db/schema]
				seeds: [../seeds/development]
				migrations_dir: db/migrations
				""");
		this.database = PostgresServers.shared().createDatabase();
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void migrateAppliesAndReportsTheRunAndStatusTellsWhatIsApplied() throws SQLException {
		Confiture confiture = confiture();
		MigrateResult result = confiture.migrate(MigrateOptions.defaults().withTarget("001"));
		assertThat(result.planned()).isFalse();
		assertThat(result.run().migrations()).extracting((m) -> m.migration().version()).containsExactly("001");
		StatusReport status = confiture.status(StatusOptions.defaults());
		assertThat(status.appliedCount()).isEqualTo(1);
		assertThat(status.pendingCount()).isEqualTo(1);
		assertThat(confiture.migrate(MigrateOptions.defaults()).run().doneCount()).isEqualTo(1);
		assertThat(columns()).containsExactly("name", "bio");
	}

	@Test
	void dryRunsChangeNothing() throws SQLException {
		Confiture confiture = confiture();
		MigrateResult plan = confiture.migrate(MigrateOptions.defaults().withDryRun(DryRun.PLAN));
		assertThat(plan.planned()).isTrue();
		assertThat(plan.plan().sql()).contains("CREATE TABLE users").contains("ADD COLUMN bio");
		MigrateResult executed = confiture.migrate(MigrateOptions.defaults().withSteps(1).withDryRun(DryRun.EXECUTE));
		assertThat(executed.run().dryRun()).isTrue();
		assertThat(executed.run().migrations()).hasSize(1);
		assertThat(columns()).isEmpty();
		assertThat(confiture.status(StatusOptions.defaults()).appliedCount()).isZero();
	}

	@Test
	void rollbackBySteps() throws SQLException {
		Confiture confiture = confiture();
		confiture.migrate(MigrateOptions.defaults());
		MigrationRun run = confiture.rollback(RollbackOptions.steps(1));
		assertThat(run.migrations()).extracting((m) -> m.migration().version()).containsExactly("002");
		assertThat(columns()).containsExactly("name");
		confiture.rollback(RollbackOptions.downTo("0"));
		assertThat(columns()).isEmpty();
	}

	@Test
	void rollbackOfAnIrreversibleMigrationIsRefusedBeforeAnythingChanges() throws Exception {
		Files.delete(this.root.resolve("db/migrations/002_bio.down.sql"));
		Confiture confiture = confiture();
		confiture.migrate(MigrateOptions.defaults());
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture.rollback(RollbackOptions.downTo("0")))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.IRREVERSIBLE))
			.withMessageContaining("002");
		assertThat(columns()).containsExactly("name", "bio");
		assertThat(confiture.status(StatusOptions.defaults()).appliedCount()).isEqualTo(2);
	}

	@Test
	void baselineRecordsWithoutRunning() throws SQLException {
		Confiture confiture = confiture();
		BaselineResult result = confiture.baseline(new BaselineOptions("001"));
		assertThat(result.version()).isEqualTo("001");
		assertThat(result.recorded()).extracting((m) -> m.version()).containsExactly("001");
		assertThat(columns()).isEmpty();
		assertThat(confiture.status(StatusOptions.defaults()).pendingCount()).isEqualTo(1);
	}

	@Test
	void initializeAutoBuildsAnEmptyDatabaseThenMigratesIt() throws SQLException {
		InitializeResult first = confiture().initialize(InitializeOptions.of(Mode.AUTO));
		assertThat(first.action()).isEqualTo(Mode.BUILD);
		assertThat(first.versions()).containsExactly("001", "002");
		assertThat(names()).containsExactly("seeded");
		this.project.file("db/migrations/003_email.up.sql", "ALTER TABLE users ADD COLUMN email text;");
		InitializeResult second = confiture().initialize(InitializeOptions.of(Mode.AUTO));
		assertThat(second.action()).isEqualTo(Mode.MIGRATE);
		assertThat(second.versions()).containsExactly("003");
		assertThat(second.summary()).contains("applied 1 migration: 003_email");
		InitializeResult restart = confiture().initialize(InitializeOptions.of(Mode.AUTO));
		assertThat(restart.action()).isEqualTo(Mode.MIGRATE);
		assertThat(restart.summary()).isEqualTo("database up to date, no migration to apply");
		assertThat(restart.counts()).isEqualTo(new MigrationCounts(3, 0, false));
		InitializeResult validated = confiture().initialize(InitializeOptions.of(Mode.VALIDATE));
		assertThat(validated.action()).isEqualTo(Mode.VALIDATE);
		assertThat(validated.summary()).isEqualTo("validated the database: 3 migrations applied, none pending");
		assertThat(validated.counts()).isEqualTo(new MigrationCounts(3, 0, false));
	}

	@Test
	void initializeRunsItsGateOnlyBeforeApplyingAndCanStopIt() throws SQLException {
		java.util.List<Integer> seen = new java.util.ArrayList<>();
		InitializeOptions gated = InitializeOptions.of(Mode.AUTO)
			.withBeforeApplying((status) -> seen.add(status.pendingCount()));
		assertThat(confiture().initialize(gated).action()).isEqualTo(Mode.BUILD);
		assertThat(confiture().initialize(gated).summary()).isEqualTo("database up to date, no migration to apply");
		assertThat(seen).as("not called for a build nor on an up-to-date database").isEmpty();
		this.project.file("db/migrations/003_email.up.sql", "ALTER TABLE users ADD COLUMN email text;");
		InitializeOptions refusing = InitializeOptions.of(Mode.MIGRATE).withBeforeApplying((status) -> {
			seen.add(status.pendingCount());
			throw new ConfitureException(Category.GENERIC, "gate says no", (String) null);
		});
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> confiture().initialize(refusing))
			.withMessage("gate says no");
		assertThat(seen).containsExactly(1);
		assertThat(columns()).containsExactly("name", "bio");
		assertThat(confiture().initialize(gated).versions()).containsExactly("003");
		assertThat(seen).containsExactly(1, 1);
	}

	@Test
	void initializeValidateFailsOnAnUninitialisedDatabaseAndOnPendingMigrations() throws SQLException {
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture().initialize(InitializeOptions.of(Mode.VALIDATE)))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.NOT_INITIALIZED))
			.withMessageContaining("has no tracking table");
		confiture().migrate(MigrateOptions.defaults().withTarget("001"));
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture().initialize(InitializeOptions.of(Mode.VALIDATE)))
			.withMessageContaining("Validate mode: 1 pending migration: 002_bio");
		assertThat(columns()).containsExactly("name");
		assertThat(confiture().initialize(InitializeOptions.of(Mode.NONE)).action()).isEqualTo(Mode.NONE);
	}

	@Test
	void seedLoadsTheSeedDirectoriesIntoAMigratedDatabase() throws SQLException {
		Confiture confiture = confiture();
		confiture.migrate(MigrateOptions.defaults());
		SeedResult result = confiture.seed(SeedOptions.defaults());
		assertThat(result.seedFiles()).extracting((file) -> file.relativePath())
			.containsExactly("db/seeds/development/00_users.sql");
		assertThat(result.statementCount()).isEqualTo(1);
		assertThat(names()).containsExactly("seeded");
	}

	@Test
	void aFailingSeedChangesNothing() throws SQLException {
		this.project.file("db/seeds/development/10_more.sql",
				"INSERT INTO users VALUES ('second', NULL);\n" + "INSERT INTO nowhere VALUES (1);");
		Confiture confiture = confiture();
		confiture.migrate(MigrateOptions.defaults());
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> confiture.seed(SeedOptions.defaults()))
			.withMessageContaining("db/seeds/development/10_more.sql:2")
			.withMessageContaining("nowhere");
		assertThat(names()).isEmpty();
	}

	@Test
	void diffComparesFilesBothWays() {
		this.project.file("old/users.sql", "CREATE TABLE users (name text PRIMARY KEY);");
		DiffResult diff = confiture().diff(DiffRequest.of(DiffSource.files(this.root.resolve("old")),
				DiffSource.files(this.root.resolve("db/schema"))));
		assertThat(diff.isEmpty()).isFalse();
		assertThat(diff.up().script(List.of())).contains("ADD COLUMN bio text");
		assertThat(diff.down().script(List.of())).contains("DROP COLUMN bio");
	}

	@Test
	void diffOfALiveDatabaseWithTheSchemaFiles() {
		Confiture confiture = confiture();
		confiture.migrate(MigrateOptions.defaults().withTarget("001"));
		DiffResult diff = confiture
			.diff(DiffRequest.of(DiffSource.database("live", this.database.settings(), this.database.toString()),
					DiffSource.files(this.root.resolve("db/schema"))));
		assertThat(diff.from()).isEqualTo("live");
		assertThat(diff.up().script(List.of())).contains("ADD COLUMN bio text");
	}

	@Test
	void generateWritesTheDiffAsAMigrationAndNothingWhenThereIsNoChange() throws Exception {
		this.project.file("new/users.sql", "CREATE TABLE users (name text PRIMARY KEY, bio text, email text);");
		Confiture confiture = confiture();
		GenerateResult same = confiture.generate(GenerateOptions.fromDiff("nothing", DiffRequest
			.of(DiffSource.files(this.root.resolve("db/schema")), DiffSource.files(this.root.resolve("db/schema")))));
		assertThat(same.written()).isFalse();
		GenerateResult result = confiture.generate(GenerateOptions.fromDiff("add_email", DiffRequest
			.of(DiffSource.files(this.root.resolve("db/schema")), DiffSource.files(this.root.resolve("new")))));
		assertThat(result.files().version()).isEqualTo("003");
		assertThat(Files.readString(result.files().upFile())).contains("ADD COLUMN email text");
		assertThat(Files.readString(result.files().downFile())).contains("DROP COLUMN email");
		assertThat(migrationFiles()).hasSize(6);
	}

	@Test
	void generateRefusesHazardsUnlessAllowedAndWritesNothing() throws Exception {
		this.project.file("new/users.sql", "CREATE TABLE users (name text PRIMARY KEY);");
		Confiture confiture = confiture();
		GenerateOptions dropBio = GenerateOptions.fromDiff("drop_bio", DiffRequest
			.of(DiffSource.files(this.root.resolve("db/schema")), DiffSource.files(this.root.resolve("new"))));
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> confiture.generate(dropBio))
			.withMessageContaining("hazards and was not written");
		assertThat(migrationFiles()).hasSize(4);
		assertThat(confiture.generate(dropBio.withAllowHazards(true)).written()).isTrue();
		assertThat(migrationFiles()).hasSize(6);
	}

	@Test
	void generateWithoutADiffWritesAnEmptyPair() {
		GenerateResult result = confiture().generate(GenerateOptions.empty("add_index"));
		assertThat(result.diff()).isNull();
		assertThat(result.files().upFile()).exists().hasFileName("003_add_index.up.sql");
	}

	@Test
	void verifyNamesTheDrift() throws SQLException {
		Confiture confiture = confiture();
		confiture.migrate(MigrateOptions.defaults());
		assertThat(confiture.verify(VerifyOptions.defaults()).drifted()).isFalse();
		execute("ALTER TABLE users ADD COLUMN nickname text");
		DriftReport report = confiture.verify(VerifyOptions.on(PostgresServers.shared()));
		assertThat(report.drifted()).isTrue();
		assertThat(report.differences()).singleElement().asString().contains("nickname");
	}

	@Test
	void coordinationLivesInTheDatabase() {
		Confiture confiture = confiture();
		assertThat(confiture.coordination().isInitialized()).isFalse();
		assertThat(confiture.coordination().initialize()).isTrue();
		assertThat(confiture.coordination().isInitialized()).isTrue();
	}

	@Test
	void aMissingMigrationsDirectoryIsAConfigurationErrorNamingThePathWhenRequired() throws Exception {
		this.project.environment("local", """
				include_dirs: [db/schema]
				migrations_dir: db/nowhere
				""");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> configuration().requireMigrationsDirectory(true).load())
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.CONFIG))
			.withMessageContaining(this.root.resolve("db/nowhere").toString());
		assertThat(configuration().load().migrations()).isEmpty();
	}

	@Test
	void optionRecordsCheckWhatTheyAreGiven() {
		assertThat(new MigrateOptions(null, null, null).dryRun()).isEqualTo(DryRun.NONE);
		assertThat(RollbackOptions.steps(2)).isEqualTo(new RollbackOptions(2, null));
		assertThat(RollbackOptions.downTo("001").toVersion()).isEqualTo("001");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DiffSource("both", this.root, this.database.settings(), "db"));
		assertThatIllegalArgumentException().isThrownBy(() -> new DiffSource("neither", null, null, null));
		assertThat(DiffSource.files(this.root.resolve("db/schema")).label()).endsWith("db/schema");
		assertThat(GenerateOptions.empty("x").withAllowHazards(true).allowHazards()).isTrue();
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> new InitializeOptions(null));
	}

	private Confiture.Configuration configuration() {
		return Confiture.configure()
			.projectDirectory(this.root)
			.environment("local")
			.database(this.database.settings());
	}

	private Confiture confiture() {
		return configuration().load();
	}

	private List<Path> migrationFiles() throws Exception {
		try (var files = Files.list(this.root.resolve("db/migrations"))) {
			return files.toList();
		}
	}

	private List<String> columns() throws SQLException {
		return strings("SELECT column_name FROM information_schema.columns WHERE table_name = 'users' "
				+ "ORDER BY ordinal_position");
	}

	private List<String> names() throws SQLException {
		return strings("SELECT name FROM users ORDER BY name");
	}

	private List<String> strings(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
