package dev.confiture.core.adopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.Confiture;
import dev.confiture.core.TestProject;
import dev.confiture.core.adopt.FlywayImportResult.Mapping;
import dev.confiture.core.adopt.FlywayImportResult.Notice;
import dev.confiture.core.adopt.FlywayImportResult.Row;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.migrate.MigrationState;
import dev.confiture.core.migrate.StatusReport;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.verify.SchemaVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A database migrated by real Flyway, adopted: schema files from its catalog, then its
 * history imported.
 */
class FlywayImporterTests {

	private static final String FLYWAY_HISTORY_SNAPSHOT = "SELECT string_agg(installed_rank || ' ' || coalesce(version, '-') "
			+ "|| ' ' || type || ' ' || success || ' ' || coalesce(checksum::text, '-'), ', ' ORDER BY installed_rank) "
			+ "FROM flyway_schema_history";

	@TempDir
	Path root;

	TestProject project;

	ScratchDatabase live;

	@BeforeEach
	void setUp() {
		this.project = new TestProject(this.root);
		this.project.directory("db/schema");
		this.project.environment("local", "name: local\nincludes: [../schema]\n");
		this.live = PostgresServers.shared().createDatabase();
		flywayFile("V1__create_users.sql",
				"""
						CREATE TYPE status AS ENUM ('draft', 'published');
						CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL UNIQUE, status status NOT NULL DEFAULT 'draft');
						""");
		flywayFile("V1.1__add_name.sql", "ALTER TABLE users ADD COLUMN name text;\n");
		flywayFile("V1.2.3__user_names_view.sql", "CREATE VIEW user_names AS SELECT id, name FROM users;\n");
		flywayFile("U1.2.3__user_names_view.sql", "DROP VIEW user_names;\n");
		flywayFile("V1.10__events.sql", """
				CREATE TABLE events (id int, at date NOT NULL, user_id int) PARTITION BY RANGE (at);
				CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
				ALTER TABLE users ENABLE ROW LEVEL SECURITY;
				CREATE POLICY own_rows ON users USING (id = current_setting('app.user_id')::int);
				""");
		flywayFile("V2__email_lower.sql",
				"""
						CREATE FUNCTION lower_email(value text) RETURNS text LANGUAGE sql IMMUTABLE AS $$ SELECT lower(value) $$;
						CREATE INDEX users_email_lower_idx ON users (lower_email(email));
						""");
		flywayFile("R__user_count.sql", "CREATE OR REPLACE FUNCTION user_count() RETURNS bigint LANGUAGE sql "
				+ "AS $$ SELECT count(*) FROM users $$;\n");
		flyway().migrate();
		// V1.5 arrives from another branch after V2 was applied: Flyway applies it out of
		// order.
		flywayFile("V1.5__add_bio.sql", "ALTER TABLE users ADD COLUMN bio text;\n");
		Flyway.configure()
			.dataSource(this.live.settings().jdbcUrl(), this.live.settings().user(), this.live.settings().password())
			.locations("filesystem:" + this.root.resolve("src/main/resources/db/migration"))
			.outOfOrder(true)
			.load()
			.migrate();
		// A migration that failed where Flyway could not roll it back; its file was
		// deleted afterwards.
		AdoptionDatabase.execute(this.live, "INSERT INTO flyway_schema_history (installed_rank, version, description, "
				+ "type, script, checksum, installed_by, execution_time, success) VALUES (100, '2.1', 'broken', 'SQL', "
				+ "'V2_1__broken.sql', 1, 'deployer', 5, false)");
	}

	@AfterEach
	void tearDown() {
		this.live.close();
	}

	private Flyway flyway() {
		return Flyway.configure()
			.dataSource(this.live.settings().jdbcUrl(), this.live.settings().user(), this.live.settings().password())
			.locations("filesystem:" + this.root.resolve("src/main/resources/db/migration"))
			.load();
	}

	private Path flywayFile(String name, String text) {
		return this.project.file("src/main/resources/db/migration/" + name, text);
	}

	private Confiture confiture() {
		return Confiture.configure()
			.projectDirectory(this.root)
			.environment("local")
			.database(this.live.settings())
			.load();
	}

	@Test
	void adoptsAFlywayDatabaseWithoutTouchingItsHistory() throws IOException {
		String flywayBefore = AdoptionDatabase.strings(this.live, FLYWAY_HISTORY_SNAPSHOT).get(0);
		SchemaExportResult schema = confiture().writeSchemaFromDatabase(SchemaExportOptions.defaults());
		assertThat(schema.differences()).isEmpty();
		assertThat(schema.files()).noneMatch((file) -> file.contains("flyway"));
		FlywayImportResult result = confiture().importFlyway(FlywayImportOptions.defaults());
		assertThat(result.historyTable()).isEqualTo("public.flyway_schema_history");
		assertThat(result.mappings()).extracting(Mapping::flywayVersion, Mapping::version, Mapping::state)
			.containsExactly(tuple("1", "1000", "applied"), tuple("1.1", "1010", "applied"),
					tuple("1.2.3", "1023", "applied"), tuple("1.5", "1050", "applied"),
					tuple("1.10", "1100", "applied"), tuple("2", "2000", "applied"), tuple("2.1", "2010", "failed"));
		assertThat(result.written()).contains("db/migrations/1000_create_users.up.sql",
				"db/migrations/1023_user_names_view.up.sql", "db/migrations/1023_user_names_view.down.sql");
		assertThat(Files.readString(this.root.resolve("db/migrations/1010_add_name.up.sql")))
			.isEqualTo("ALTER TABLE users ADD COLUMN name text;\n");
		assertThat(Files.readString(this.root.resolve("db/migrations/flyway-mapping.csv")))
			.contains("1.2.3,1023,applied,src/main/resources/db/migration/V1.2.3__user_names_view.sql,"
					+ "db/migrations/1023_user_names_view.up.sql,db/migrations/1023_user_names_view.down.sql,user names view");
		assertThat(result.recorded()).extracting(Row::version)
			.containsExactly("1000", "1010", "1023", "1050", "1100", "2000");
		assertThat(result.notices()).extracting(Notice::kind)
			.containsExactlyInAnyOrder("out of order", "failed", "repeatable");
		assertThat(result.notices()).filteredOn((notice) -> notice.kind().equals("failed"))
			.singleElement()
			.satisfies((notice) -> assertThat(notice.message()).contains("V2.1 (broken) failed in Flyway",
					"its file is not in the locations"));
		assertThat(result.notices()).filteredOn((notice) -> notice.kind().equals("repeatable"))
			.singleElement()
			.satisfies((notice) -> assertThat(notice.message()).contains("R__user_count.sql", "schema files"));
		// Flyway's time and user are kept.
		assertThat(AdoptionDatabase.strings(this.live,
				"SELECT count(*) FROM confiture_migrations c JOIN "
						+ "flyway_schema_history f ON f.installed_on = c.applied_at AND f.installed_by = c.applied_by "
						+ "AND f.execution_time = c.execution_ms"))
			.containsExactly("6");
		StatusReport status = confiture().migrator().build().status();
		assertThat(status.migrations()).extracting((migration) -> migration.state())
			.containsOnly(MigrationState.APPLIED);
		assertThat(status.pendingCount()).isZero();
		assertThat(AdoptionDatabase.strings(this.live, FLYWAY_HISTORY_SNAPSHOT)).containsExactly(flywayBefore);
		assertThat(new SchemaVerifier(PostgresServers.shared()).verify(confiture().environment(), this.live.settings())
			.differences()).isEmpty();
		// Twice changes nothing.
		FlywayImportResult again = confiture().importFlyway(FlywayImportOptions.defaults());
		assertThat(again.written()).isEmpty();
		assertThat(again.recorded()).isEmpty();
		assertThat(again.unchanged()).hasSize(result.written().size());
		assertThat(AdoptionDatabase.strings(this.live, "SELECT count(*) FROM confiture_migrations"))
			.containsExactly("6");
	}

	@Test
	void dryRunWritesNothing() {
		FlywayImportResult result = confiture().importFlyway(FlywayImportOptions.defaults().withDryRun(true));
		assertThat(result.dryRun()).isTrue();
		assertThat(result.recorded()).hasSize(6);
		assertThat(result.written()).isNotEmpty();
		assertThat(this.root.resolve("db/migrations")).doesNotExist();
		assertThat(AdoptionDatabase.strings(this.live, "SELECT to_regclass('confiture_migrations')::text"))
			.containsExactly((String) null);
	}

	@Test
	void pendingFilesAndMissingFilesAreReportedNotInvented() throws IOException {
		flywayFile("V3__add_avatar.sql", "ALTER TABLE users ADD COLUMN avatar text;\n");
		Files.delete(this.root.resolve("src/main/resources/db/migration/V1.1__add_name.sql"));
		FlywayImportResult result = confiture().importFlyway(FlywayImportOptions.defaults());
		assertThat(result.mappings()).filteredOn((mapping) -> mapping.flywayVersion().equals("1.1"))
			.singleElement()
			.satisfies((mapping) -> {
				assertThat(mapping.state()).isEqualTo("missing file");
				assertThat(mapping.upFile()).isNull();
			});
		assertThat(result.notices()).filteredOn((notice) -> notice.kind().equals("missing file"))
			.singleElement()
			.satisfies((notice) -> assertThat(notice.message())
				.contains("V1.1 (V1.1__add_name.sql) was applied by Flyway", "nothing is converted or recorded"));
		assertThat(result.notices()).filteredOn((notice) -> notice.kind().equals("pending"))
			.singleElement()
			.satisfies((notice) -> assertThat(notice.message()).contains("3000_add_avatar.up.sql is pending"));
		assertThat(result.recorded()).extracting(Row::version).doesNotContain("1010", "3000");
		assertThat(result.needsAttention()).isTrue();
		assertThat(this.root.resolve("db/migrations")).isDirectoryNotContaining("glob:**/1010_*");
		StatusReport status = confiture().migrator().build().status();
		assertThat(status.pendingCount()).isEqualTo(1);
	}

	@Test
	void unknownVersionFormatInTheHistoryStopsBeforeAnythingIsWritten() {
		AdoptionDatabase.execute(this.live, "INSERT INTO flyway_schema_history (installed_rank, version, description, "
				+ "type, script, checksum, installed_by, execution_time, success) VALUES (101, '4.a', 'odd', 'SQL', "
				+ "'V4_a__odd.sql', 1, 'deployer', 5, true)");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture().importFlyway(FlywayImportOptions.defaults()))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.SCHEMA))
			.withMessageContaining("row 101 (V4_a__odd.sql) has version '4.a'")
			.withMessageContaining("Nothing was written");
		assertThat(this.root.resolve("db/migrations")).doesNotExist();
		assertThat(AdoptionDatabase.strings(this.live, "SELECT to_regclass('confiture_migrations')::text"))
			.containsExactly((String) null);
	}

	@Test
	void convertedFileWithOtherContentIsRefused() {
		this.project.file("db/migrations/1000_create_users.up.sql", "-- edited\n");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture().importFlyway(FlywayImportOptions.defaults()))
			.withMessageContaining("db/migrations/1000_create_users.up.sql")
			.withMessageContaining("Nothing was written");
		assertThat(this.root.resolve("db/migrations")).isDirectoryNotContaining("glob:**/1010_*");
	}

	private static org.assertj.core.groups.Tuple tuple(Object... values) {
		return org.assertj.core.groups.Tuple.tuple(values);
	}

}
