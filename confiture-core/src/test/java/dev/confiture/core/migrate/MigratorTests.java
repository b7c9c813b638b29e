package dev.confiture.core.migrate;

import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.migrate.ExecutedMigration.Outcome;
import dev.confiture.core.sql.SqlExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class MigratorTests {

	@TempDir
	Path directory;

	MigrationTestDatabase db;

	@BeforeEach
	void createDatabase() {
		this.db = new MigrationTestDatabase(this.directory);
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void upAppliesPendingMigrationsInNumericVersionOrderAndRecordsThem() {
		this.db.write("9_create_users.up.sql", "CREATE TABLE users (id int PRIMARY KEY);\n");
		this.db.write("10_add_email.up.sql", "ALTER TABLE users ADD COLUMN email text;\n");
		this.db.write("002_create_posts.up.sql", "CREATE TABLE posts (id int);\n");
		MigrationRun run = this.db.migrator().build().up();
		assertThat(run.migrations()).extracting((migration) -> migration.migration().displayName())
			.containsExactly("002_create_posts", "9_create_users", "10_add_email");
		assertThat(run.doneCount()).isEqualTo(3);
		assertThat(run.pending()).isEqualTo(3);
		assertThat(run.migrations()).allSatisfy((migration) -> assertThat(migration.executionMs()).isNotNegative());
		assertThat(this.db.queryList("SELECT version || ' ' || name || ' ' || kind || ' ' || length(checksum) || ' '"
				+ " || (applied_by = current_user) || ' ' || (execution_ms >= 0) FROM confiture_migrations ORDER BY 1"))
			.containsExactly("002 create_posts sql 64 true true", "10 add_email sql 64 true true",
					"9 create_users sql 64 true true");
		assertThat(this.db.queryString("SELECT checksum FROM confiture_migrations WHERE version = '9'"))
			.isEqualTo(Checksums.sha256("CREATE TABLE users (id int PRIMARY KEY);\n"));
		assertThat(this.db.migrator().build().up().migrations()).isEmpty();
	}

	@Test
	void failedMigrationLeavesNoTableAndNoRowAndTheFixedFileApplies() {
		this.db.write("001_create_users.up.sql", "CREATE TABLE users (id int);\n");
		this.db.write("002_broken.up.sql",
				"-- creates a table, then fails\nCREATE TABLE half_done (id int);\n\nINSERT INTO users\n  VALUES (1, 'no such column');\n");
		Migrator migrator = this.db.migrator().build();
		assertThatExceptionOfType(SqlExecutionException.class).isThrownBy(migrator::up).satisfies((ex) -> {
			assertThat(ex.category()).isEqualTo(Category.DATABASE);
			assertThat(ex.getMessage()).contains("Migration 002_broken failed")
				.contains("nothing of it was applied")
				.contains("002_broken.up.sql:5: INSERT has more expressions than target columns")
				.contains("(SQLSTATE 42601)")
				.contains("Statement: INSERT INTO users VALUES (1, 'no such column')");
			assertThat(ex.remedy().kind()).isEqualTo(Remedy.Kind.RERUN);
			assertThat(ex.remedy().get("before")).contains("002_broken.up.sql");
			assertThat(ex.remedy().get("operation")).isEqualTo("up");
			assertThat(ex.remedy().get("after")).contains("migrations applied before it");
			assertThat(ex.source()).endsWith("002_broken.up.sql");
			assertThat(ex.line()).isEqualTo(5);
			assertThat(ex.sqlState()).isEqualTo("42601");
		});
		assertThat(this.db.tableExists("half_done")).isFalse();
		assertThat(this.db.appliedVersions()).containsExactly("001");
		this.db.write("002_broken.up.sql", "CREATE TABLE half_done (id int);\nINSERT INTO users VALUES (1);\n");
		assertThat(migrator.up().doneCount()).isEqualTo(1);
		assertThat(this.db.tableExists("half_done")).isTrue();
		assertThat(this.db.appliedVersions()).containsExactly("001", "002");
	}

	@Test
	void targetAndStepsLimitWhatIsApplied() {
		for (int i = 1; i <= 5; i++) {
			this.db.write(String.format("%03d_t%d.up.sql", i, i), "CREATE TABLE t" + i + " (id int);");
		}
		Migrator migrator = this.db.migrator().build();
		assertThat(migrator.up("2", null).doneCount()).isEqualTo(2);
		assertThat(this.db.appliedVersions()).containsExactly("001", "002");
		assertThat(migrator.up(null, 1).doneCount()).isEqualTo(1);
		assertThat(this.db.appliedVersions()).containsExactly("001", "002", "003");
		assertThat(migrator.up("005", 1).migrations()).extracting((m) -> m.migration().version())
			.containsExactly("004");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> migrator.up("v5", null))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.CONFIG));
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> migrator.up(null, 0))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.CONFIG));
	}

	@Test
	void downRollsBackNewestFirstAndDownToStopsAtTheVersion() {
		for (int i = 1; i <= 4; i++) {
			this.db.write(String.format("%03d_t%d.up.sql", i, i), "CREATE TABLE t" + i + " (id int);");
			this.db.write(String.format("%03d_t%d.down.sql", i, i), "DROP TABLE t" + i + ";");
		}
		Migrator migrator = this.db.migrator().build();
		migrator.up();
		MigrationRun down = migrator.down(1);
		assertThat(down.migrations()).extracting((m) -> m.migration().version()).containsExactly("004");
		assertThat(down.migrations().get(0).direction()).isEqualTo(Direction.DOWN);
		assertThat(this.db.tableExists("t4")).isFalse();
		assertThat(migrator.downTo("001").migrations()).extracting((m) -> m.migration().version())
			.containsExactly("003", "002");
		assertThat(this.db.appliedVersions()).containsExactly("001");
		assertThat(this.db.tableExists("t2")).isFalse();
		assertThat(this.db.tableExists("t1")).isTrue();
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> migrator.downTo("003"))
			.withMessageContaining("not applied");
		assertThat(migrator.downTo("0").doneCount()).isEqualTo(1);
		assertThat(this.db.appliedVersions()).isEmpty();
		assertThat(migrator.down(1).warnings()).containsExactly("Nothing to roll back");
	}

	@Test
	void rollingBackAMigrationWithoutDownIsRefusedBeforeAnythingChanges() {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);");
		this.db.write("002_b.up.sql", "CREATE TABLE b (id int);");
		this.db.write("003_c.up.sql", "CREATE TABLE c (id int);");
		this.db.write("003_c.down.sql", "DROP TABLE c;");
		Migrator migrator = this.db.migrator().build();
		migrator.up();
		String before = this.db.catalogSnapshot();
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> migrator.downTo("0")).satisfies((ex) -> {
			assertThat(ex.category()).isEqualTo(Category.IRREVERSIBLE);
			assertThat(ex.getMessage()).contains("002_b has no down")
				.contains("001_a has no down")
				.contains("002_b.down.sql")
				.contains("Nothing was rolled back");
		});
		assertThat(this.db.catalogSnapshot()).isEqualTo(before);
		assertThat(this.db.appliedVersions()).containsExactly("001", "002", "003");
		assertThat(migrator.down(1).doneCount()).isEqualTo(1);
		assertThat(this.db.tableExists("c")).isFalse();
	}

	@Test
	void editedAppliedFileFailsUpByDefaultAndCanBeWarnedOrIgnored() {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);");
		this.db.migrator().build().up();
		String applied = Checksums.sha256("CREATE TABLE a (id int);");
		this.db.write("001_a.up.sql", "CREATE TABLE a (id bigint);");
		this.db.write("002_b.up.sql", "CREATE TABLE b (id int);");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> this.db.migrator().build().up())
			.satisfies((ex) -> {
				assertThat(ex.category()).isEqualTo(Category.SCHEMA);
				assertThat(ex.getMessage()).contains("001_a")
					.contains("001_a.up.sql")
					.contains(applied)
					.contains(Checksums.sha256("CREATE TABLE a (id bigint);"));
				assertThat(ex.remedy().kind()).isEqualTo(Remedy.Kind.CHECKSUM_MISMATCH);
			});
		assertThat(this.db.tableExists("b")).isFalse();
		MigrationRun warned = this.db.migrator().checksumPolicy(ChecksumPolicy.WARN).build().up();
		assertThat(warned.warnings()).singleElement().asString().contains("001_a").contains("has changed");
		assertThat(this.db.tableExists("b")).isTrue();
		this.db.write("003_c.up.sql", "CREATE TABLE c (id int);");
		MigrationRun ignored = this.db.migrator().checksumPolicy(ChecksumPolicy.IGNORE).build().up();
		assertThat(ignored.warnings()).isEmpty();
		assertThat(ignored.doneCount()).isEqualTo(1);
	}

	@Test
	void lineEndingsAndByteOrderMarkDoNotChangeTheChecksum() {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);\n-- done\n");
		Migrator migrator = this.db.migrator().build();
		migrator.up();
		this.db.write("001_a.up.sql", "\uFEFFCREATE TABLE a (id int);\r\n-- done\r\n");
		this.db.write("002_b.up.sql", "CREATE TABLE b (id int);");
		assertThat(migrator.up().warnings()).isEmpty();
		assertThat(migrator.status().hasChecksumMismatch()).isFalse();
	}

	@Test
	void createIndexConcurrentlyRunsOutsideATransaction() {
		this.db.write("001_users.up.sql", "CREATE TABLE users (id int, email text);\n"
				+ "INSERT INTO users VALUES (1, 'a@example.com'), (2, 'b@example.com');");
		this.db.write("002_index_email.up.sql", "CREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email);");
		this.db.write("002_index_email.down.sql", "DROP INDEX CONCURRENTLY users_email;");
		Migrator migrator = this.db.migrator().build();
		MigrationPlan plan = migrator.dryRun(null, null);
		assertThat(plan.migrations().get(1).transactional()).isFalse();
		assertThat(plan.migrations().get(1).nonTransactionalReason()).contains("002_index_email.up.sql:1");
		assertThat(migrator.up().doneCount()).isEqualTo(2);
		assertThat(this.db.queryString("SELECT indisvalid FROM pg_index WHERE indexrelid = 'users_email'::regclass"))
			.isEqualTo("t");
		assertThat(this.db.appliedVersions()).containsExactly("001", "002");
		migrator.down(1);
		assertThat(this.db.tableExists("users_email")).isFalse();
		assertThat(this.db.appliedVersions()).containsExactly("001");
	}

	@Test
	void failedCreateIndexConcurrentlyNamesTheInvalidIndexAndHowToDropIt() {
		this.db.write("001_users.up.sql", "CREATE TABLE users (id int, email text);\n"
				+ "INSERT INTO users VALUES (1, 'same@example.com'), (2, 'same@example.com');");
		this.db.write("002_unique_email.up.sql", "-- confiture:no-transaction\nCREATE TABLE unrelated (id int);\n"
				+ "CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n");
		Migrator migrator = this.db.migrator().build();
		assertThatExceptionOfType(SqlExecutionException.class).isThrownBy(migrator::up).satisfies((ex) -> {
			assertThat(ex.category()).isEqualTo(Category.DATABASE);
			assertThat(ex.getMessage()).contains("ran outside a transaction")
				.contains("002_unique_email.up.sql:3: could not create unique index \"users_email_key\"")
				.contains("Detail: Key (email)=(same@example.com) is duplicated.")
				.contains("Statements that succeeded before the failure stay applied: lines 2")
				.contains("INVALID index public.users_email_key");
			assertThat(ex.remedy().get("before")).contains("DROP INDEX CONCURRENTLY IF EXISTS public.users_email_key;");
			assertThat(ex.line()).isEqualTo(3);
			assertThat(ex.sqlState()).isEqualTo("23505");
		});
		assertThat(this.db.appliedVersions()).containsExactly("001");
		assertThat(this.db.tableExists("unrelated")).isTrue();
	}

	@Test
	void topLevelBeginAndCommitAreSkippedWithAWarningButNotInsideDoBlocks() {
		this.db.write("001_wrapped.up.sql", "BEGIN;\nCREATE TABLE t (id int);\n"
				+ "DO $$\nBEGIN\n  INSERT INTO t VALUES (1);\nEND\n$$;\nCOMMIT;\n");
		MigrationRun run = this.db.migrator().build().up();
		assertThat(run.warnings()).hasSize(2);
		assertThat(run.warnings().get(0)).contains("001_wrapped.up.sql:1: skipped BEGIN");
		assertThat(run.warnings().get(1)).contains("001_wrapped.up.sql:8: skipped COMMIT");
		assertThat(this.db.queryInt("SELECT count(*) FROM t")).isEqualTo(1);
		assertThat(run.migrations().get(0).statements()).isEqualTo(2);
	}

	@Test
	void rollbackInAFileIsRefusedBeforeAnythingRuns() {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);");
		this.db.write("002_b.up.sql", "CREATE TABLE b (id int);\nROLLBACK;");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> this.db.migrator().build().up())
			.withMessageContaining("002_b.up.sql:2: ROLLBACK");
		assertThat(this.db.tableExists("a")).isFalse();
	}

	@Test
	void copyFromStdinLoadsItsData() {
		this.db.write("001_countries.up.sql",
				"CREATE TABLE countries (code text, name text);\n"
						+ "COPY countries (code, name) FROM stdin;\nfr\tFrance\nde\tGermany\n\\.\n"
						+ "INSERT INTO countries VALUES ('it', 'Italy');\n");
		MigrationRun run = this.db.migrator().build().up();
		assertThat(this.db.queryInt("SELECT count(*) FROM countries")).isEqualTo(3);
		assertThat(run.migrations().get(0).rowsAffected()).isEqualTo(3);
	}

	@Test
	void javaMigrationsAreFoundInAPackageAndOrderedWithSqlFiles() {
		this.db.write("003_before_java.up.sql", "CREATE TABLE before_java (id int);");
		this.db.write("006_after_java.up.sql", "ALTER TABLE audit ADD COLUMN extra text;");
		Migrator migrator = this.db.migrator()
			.javaMigrationPackages("dev.confiture.core.migrate.testmigrations")
			.build();
		assertThat(migrator.migrations()).extracting(MigrationInfo::displayName, MigrationInfo::kind)
			.containsExactly(tuple("003_before_java", MigrationKind.SQL),
					tuple("004_add_audit_table", MigrationKind.JAVA), tuple("005_backfill_audit", MigrationKind.JAVA),
					tuple("006_after_java", MigrationKind.SQL));
		migrator.up();
		assertThat(this.db.queryInt("SELECT count(*) FROM audit")).isEqualTo(3);
		assertThat(this.db.queryList("SELECT kind || ' ' || (checksum IS NULL) FROM confiture_migrations "
				+ "WHERE version IN ('004', '005') ORDER BY version"))
			.containsExactly("java true", "java true");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> migrator.down(2)).satisfies((ex) -> {
			assertThat(ex.category()).isEqualTo(Category.IRREVERSIBLE);
			assertThat(ex.getMessage()).contains("005_backfill_audit has no down")
				.contains("V005BackfillAudit does not override down(Context)");
		});
		assertThat(this.db.queryInt("SELECT count(*) FROM audit")).isEqualTo(3);
	}

	@Test
	void javaMigrationGivenAsInstanceRunsUpAndDown() {
		JavaMigration migration = new JavaMigration() {

			@Override
			public String version() {
				return "001";
			}

			@Override
			public String name() {
				return "settings";
			}

			@Override
			public void up(Context context) throws Exception {
				context.execute("CREATE TABLE settings (key text PRIMARY KEY)");
			}

			@Override
			public void down(Context context) throws Exception {
				context.execute("DROP TABLE settings");
			}

		};
		Migrator migrator = this.db.migrator().javaMigrations(migration).build();
		assertThat(migration.reversible()).isTrue();
		assertThat(migrator.up().migrations().get(0).statements()).isEqualTo(1);
		assertThat(this.db.tableExists("settings")).isTrue();
		migrator.down(1);
		assertThat(this.db.tableExists("settings")).isFalse();
	}

	@Test
	void javaMigrationThatCommitsOnItsOwnIsAnError() {
		JavaMigration committing = new TestJavaMigration("001", "commits", (context) -> {
			context.execute("CREATE TABLE committed_early (id int)");
			context.connection().commit();
			context.execute("CREATE TABLE after_commit (id int)");
		});
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> this.db.migrator().javaMigrations(committing).build().up())
			.withMessageContaining("committed or rolled back the transaction on its own");
		assertThat(this.db.tableExists("after_commit")).isFalse();
		assertThat(this.db.appliedVersions()).isEmpty();
		JavaMigration autoCommit = new TestJavaMigration("002", "auto_commit",
				(context) -> context.connection().setAutoCommit(true));
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> this.db.migrator().javaMigrations(autoCommit).build().up())
			.withMessageContaining("turned auto-commit on");
		assertThat(this.db.appliedVersions()).isEmpty();
	}

	@Test
	void failingJavaMigrationIsRolledBackAndNamesItsClass() {
		JavaMigration failing = new TestJavaMigration("001", "fails", (context) -> {
			context.execute("CREATE TABLE created_then_failed (id int)");
			context.execute("SELECT * FROM missing_table");
		});
		assertThatExceptionOfType(SqlExecutionException.class)
			.isThrownBy(() -> this.db.migrator().javaMigrations(failing).build().up())
			.withMessageContaining(TestJavaMigration.class.getName())
			.withMessageContaining("relation \"missing_table\" does not exist")
			.satisfies((ex) -> {
				assertThat(ex.source()).isEqualTo(TestJavaMigration.class.getName());
				assertThat(ex.line()).isZero();
				assertThat(ex.sqlState()).isEqualTo("42P01");
			});
		assertThat(this.db.tableExists("created_then_failed")).isFalse();
	}

	@Test
	void statusIsReadOnlyAndReportsEveryState() {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);");
		this.db.write("002_b.up.sql", "CREATE TABLE b (id int);");
		this.db.write("002_b.down.sql", "DROP TABLE b;");
		Migrator migrator = this.db.migrator().build();
		StatusReport empty = migrator.status();
		assertThat(empty.initialized()).isFalse();
		assertThat(empty.pendingCount()).isEqualTo(2);
		assertThat(this.db.tableExists("confiture_migrations")).isFalse();
		migrator.up("001", null);
		this.db.write("001_a.up.sql", "CREATE TABLE a (id bigint);");
		StatusReport report = migrator.status();
		assertThat(report.initialized()).isTrue();
		assertThat(report.trackingTable()).isEqualTo("public.confiture_migrations");
		assertThat(report.migrations())
			.extracting(MigrationStatus::version, MigrationStatus::state, MigrationStatus::reversible)
			.containsExactly(tuple("001", MigrationState.CHECKSUM_MISMATCH, false),
					tuple("002", MigrationState.PENDING, true));
		assertThat(report.migrations().get(0).appliedAt()).isNotNull();
		assertThat(report.migrations().get(0).appliedBy()).isNotBlank();
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);");
		migrator.up();
		this.db.delete("002_b.up.sql");
		this.db.delete("002_b.down.sql");
		StatusReport missing = migrator.status();
		assertThat(missing.migrations().get(1).state()).isEqualTo(MigrationState.MISSING_FILE);
		assertThat(missing.appliedCount()).isEqualTo(2);
		assertThat(missing.isUpToDate()).isTrue();
	}

	@Test
	void trackingTableMayBeSchemaQualifiedOrFoundThroughSearchPath() {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);");
		this.db.migrator().trackingTable("ops.schema_history").build().up();
		assertThat(this.db.queryInt("SELECT count(*) FROM ops.schema_history")).isEqualTo(1);
		assertThat(this.db.tableExists("public.confiture_migrations")).isFalse();
		this.db.execute("CREATE SCHEMA app; CREATE TABLE app.my_history (version text PRIMARY KEY, name text NOT NULL, "
				+ "kind text NOT NULL, checksum text, applied_by text NOT NULL DEFAULT current_user, "
				+ "applied_at timestamptz NOT NULL DEFAULT now(), execution_ms bigint NOT NULL DEFAULT 0)");
		this.db.execute("ALTER DATABASE " + this.db.database.name() + " SET search_path = app, public");
		this.db.write("002_b.up.sql", "CREATE TABLE public.b (id int);");
		StatusReport report = this.db.migrator().trackingTable("my_history").build().status();
		assertThat(report.trackingTable()).isEqualTo("app.my_history");
		assertThat(report.pendingCount()).isEqualTo(2);
		this.db.migrator().trackingTable("my_history").build().up();
		assertThat(this.db.queryInt("SELECT count(*) FROM app.my_history")).isEqualTo(2);
	}

	@Test
	void generateFollowsTheNumberingOfTheFolderAndNeverOverwrites() {
		Migrator migrator = this.db.migrator().build();
		GeneratedMigration first = migrator.generate("Add User Bio");
		assertThat(first.upFile().getFileName()).hasToString("001_add_user_bio.up.sql");
		assertThat(first.downFile().getFileName()).hasToString("001_add_user_bio.down.sql");
		assertThat(first.upFile()).content().startsWith("-- Migration 001_add_user_bio");
		assertThat(migrator.dryRun(null, null).migrations()).singleElement()
			.satisfies((planned) -> assertThat(planned.transactional()).isTrue());
		this.db.write("041_x.up.sql", "SELECT 1;");
		assertThat(migrator.generate("next").version()).isEqualTo("042");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> migrator.generate("!!"))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.CONFIG));
		MigrationGenerator generator = new MigrationGenerator(
				Clock.fixed(Instant.parse("2025-01-12T09:30:00Z"), ZoneOffset.UTC));
		assertThat(generator.nextVersion(List.of(MigrationVersion.parse("20240101000000"))))
			.isEqualTo("20250112093000");
		assertThat(generator.nextVersion(List.of(MigrationVersion.parse("20260101000000"))))
			.isEqualTo("20260101000001");
		assertThat(generator.nextVersion(List.of(MigrationVersion.parse("0099")))).isEqualTo("0100");
		assertThat(generator.nextVersion(List.of(MigrationVersion.parse("999")))).isEqualTo("1000");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> generator.write(this.db.migrations, "001", "add_user_bio"))
			.withMessageContaining("already exists");
	}

	@Test
	void baselineRecordsMigrationsWithoutRunningThem() {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);");
		this.db.write("002_b.up.sql", "CREATE TABLE b (id int);");
		this.db.write("003_c.up.sql", "CREATE TABLE c (id int);");
		Migrator migrator = this.db.migrator().build();
		assertThat(migrator.baseline("002")).extracting(MigrationInfo::version).containsExactly("001", "002");
		assertThat(this.db.tableExists("a")).isFalse();
		assertThat(this.db.queryList("SELECT kind FROM confiture_migrations")).containsOnly("baseline");
		assertThat(migrator.up().migrations()).extracting((m) -> m.migration().version()).containsExactly("003");
		assertThat(migrator.baseline("010")).extracting(MigrationInfo::name).containsExactly("baseline");
		StatusReport report = migrator.status();
		assertThat(report.migrations()).extracting(MigrationStatus::state).containsOnly(MigrationState.APPLIED);
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> migrator.downTo("003"))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.IRREVERSIBLE))
			.withMessageContaining("baseline marker");
	}

	@Test
	void baselineAllJoinsTheCallersTransaction() throws Exception {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);");
		this.db.write("002_b.up.sql", "CREATE TABLE b (id int);");
		Migrator migrator = this.db.migrator().build();
		try (Connection connection = this.db.database.connect()) {
			connection.setAutoCommit(false);
			assertThat(migrator.baselineAll(connection)).hasSize(2);
			connection.rollback();
		}
		assertThat(this.db.tableExists("confiture_migrations")).isFalse();
		try (Connection connection = this.db.database.connect()) {
			connection.setAutoCommit(false);
			connection.createStatement().execute("CREATE TABLE a (id int); CREATE TABLE b (id int)");
			migrator.baselineAll(connection);
			connection.commit();
		}
		assertThat(migrator.up().migrations()).isEmpty();
		assertThat(this.db.queryList("SELECT kind || ' ' || length(checksum) FROM confiture_migrations"))
			.containsOnly("baseline 64");
		assertThat(migrator.status().isUpToDate()).isTrue();
	}

	@Test
	void dryRunReturnsTheExactPlanAndChangesNothing() {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n");
		this.db.write("002_idx.up.sql", "CREATE INDEX CONCURRENTLY a_id ON a (id);");
		String before = this.db.catalogSnapshot();
		MigrationPlan plan = this.db.migrator().build().dryRun(null, null);
		assertThat(this.db.catalogSnapshot()).isEqualTo(before);
		assertThat(plan.migrations()).extracting((m) -> m.migration().version()).containsExactly("001", "002");
		assertThat(plan.migrations().get(0).statements()).containsExactly("CREATE TABLE a (id int);",
				"INSERT INTO a VALUES (1);");
		assertThat(plan.sql()).contains("-- 001_a (")
			.contains("BEGIN;\nCREATE TABLE a (id int);\nINSERT INTO a VALUES (1);\n"
					+ "INSERT INTO public.confiture_migrations (version, name, kind, checksum, execution_ms) VALUES ('001', 'a', 'sql', '")
			.contains("COMMIT;")
			.contains("runs in auto-commit mode")
			.contains("The tracking table does not exist yet");
	}

	@Test
	void executedDryRunRunsTransactionalMigrationsThenRollsEverythingBack() {
		this.db.write("001_a.up.sql", "CREATE TABLE a (id int);\nINSERT INTO a VALUES (1), (2);\n");
		this.db.write("002_idx.up.sql", "CREATE INDEX CONCURRENTLY a_id ON a (id);");
		this.db.write("003_b.up.sql", "CREATE SCHEMA extra; CREATE TABLE extra.b (id int);");
		String before = this.db.catalogSnapshot();
		MigrationRun run = this.db.migrator().build().dryRunExecute(null, null);
		assertThat(this.db.catalogSnapshot()).isEqualTo(before);
		assertThat(run.dryRun()).isTrue();
		assertThat(run.migrations()).extracting(ExecutedMigration::outcome)
			.containsExactly(Outcome.ROLLED_BACK, Outcome.NOT_RUN, Outcome.ROLLED_BACK);
		assertThat(run.migrations().get(0).rowsAffected()).isEqualTo(2);
		assertThat(run.doneCount()).isZero();
		assertThat(run.warnings()).singleElement().asString().contains("002_idx was not run by the dry run");
		this.db.write("004_broken.up.sql", "SELECT * FROM nowhere;");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> this.db.migrator().build().dryRunExecute(null, null))
			.withMessageContaining("the dry run was rolled back, nothing was changed")
			.withMessageContaining("004_broken.up.sql:1");
		assertThat(this.db.catalogSnapshot()).isEqualTo(before);
	}

	@Test
	void migrationsUsingNoTransactionMarkerRunInAutoCommit() {
		this.db.write("001_marked.up.sql", "-- confiture:no-transaction\nCREATE TABLE kept (id int);\nSELECT 1 / 0;\n");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> this.db.migrator().build().up())
			.withMessageContaining("marked -- confiture:no-transaction")
			.withMessageContaining("001_marked.up.sql:3: division by zero");
		assertThat(this.db.tableExists("kept")).isTrue();
		assertThat(this.db.appliedVersions()).isEmpty();
	}

	/**
	 * A Java migration whose body is a lambda.
	 */
	static final class TestJavaMigration implements JavaMigration {

		private final String version;

		private final String name;

		private final Body body;

		TestJavaMigration(String version, String name, Body body) {
			this.version = version;
			this.name = name;
			this.body = body;
		}

		@Override
		public String version() {
			return this.version;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public void up(Context context) throws Exception {
			this.body.run(context);
		}

		@FunctionalInterface
		interface Body {

			void run(Context context) throws Exception;

		}

	}

}
