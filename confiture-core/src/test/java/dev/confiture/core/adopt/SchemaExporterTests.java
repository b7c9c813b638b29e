package dev.confiture.core.adopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.Confiture;
import dev.confiture.core.TestProject;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.migrate.MigrationState;
import dev.confiture.core.migrate.StatusReport;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.verify.DriftReport;
import dev.confiture.core.verify.SchemaVerifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemaExporterTests {

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
	}

	@AfterEach
	void tearDown() {
		this.live.close();
	}

	private Confiture confiture(ScratchDatabase database) {
		return Confiture.configure()
			.projectDirectory(this.root)
			.environment("local")
			.database(database.settings())
			.load();
	}

	@Test
	void writesOneFilePerObjectThatBuildsToTheLiveCatalog() throws IOException {
		AdoptionDatabase.execute(this.live, AdoptionDatabase.HAND_MADE);
		SchemaExportResult result = confiture(this.live).writeSchemaFromDatabase(SchemaExportOptions.defaults());
		assertThat(result.differences()).isEmpty();
		assertThat(result.verified()).isTrue();
		assertThat(result.files()).contains("db/schema/00_common/00_schemas.sql", "db/schema/01_types/app.status.sql",
				"db/schema/01_types/app.email.sql", "db/schema/02_sequences/app.invoice_numbers.sql",
				"db/schema/03_functions/app.touch.sql", "db/schema/30_policies/app.a_orders.sql",
				"db/schema/21_materialized_views/app.order_totals.sql");
		assertThat(result.files()).anyMatch((file) -> file.matches("db/schema/10_tables/\\d+_audit_log.sql"));
		assertThat(result.files()).noneMatch((file) -> file.contains("flyway"));
		String users = read(result, "app.users.sql");
		assertThat(users).contains("CREATE SEQUENCE app.users_id_seq", "CREATE TABLE app.users",
				"ADD CONSTRAINT users_pkey PRIMARY KEY (id)", "COMMENT ON TABLE app.users IS 'People who sign in'",
				"COMMENT ON COLUMN app.users.email", "CREATE TRIGGER users_touch",
				"ALTER SEQUENCE app.users_id_seq OWNED BY app.users.id");
		assertThat(users.indexOf("status app.status")).isLessThan(users.indexOf("slug text"));
		assertThat(users.indexOf("slug text")).isLessThan(users.indexOf("display_name text"));
		assertThat(read(result, "app.slugify.sql")).startsWith("-- Function bodies")
			.contains("CREATE OR REPLACE FUNCTION app.slugify(value text)",
					"COMMENT ON FUNCTION app.slugify(pg_catalog.text)");
		// Views on views and tables whose foreign keys point at later names are numbered
		// in dependency order.
		assertThat(result.files()).anyMatch((file) -> file.matches("db/schema/20_views/00\\d_app.z_base.sql"));
		assertThat(result.deferred()).isNotEmpty();
		// The files are a schema Confiture builds, and the live database verifies clean
		// against them.
		try (ScratchDatabase fresh = PostgresServers.shared().createDatabase()) {
			confiture(fresh).build(BuildOptions.defaults());
		}
		DriftReport drift = new SchemaVerifier(PostgresServers.shared()).verify(confiture(this.live).environment(),
				this.live.settings());
		assertThat(drift.differences()).isEmpty();
	}

	@Test
	void checksThatPostgresPrintsDifferentlyAfterARoundTripAreListedNotCounted() {
		AdoptionDatabase.execute(this.live, "CREATE TABLE items (status varchar(20) CONSTRAINT items_status_check "
				+ "CHECK (status IN ('active', 'archived')), amount int CONSTRAINT items_amount_check CHECK (amount >= 0))");
		SchemaExportResult result = confiture(this.live).writeSchemaFromDatabase(SchemaExportOptions.defaults());
		assertThat(result.differences()).isEmpty();
		assertThat(result.reprinted()).containsExactly("table constraint items_status_check on public.items");
	}

	@Test
	void neverOverwritesWithoutPermission() throws IOException {
		AdoptionDatabase.execute(this.live, "CREATE TABLE users (id int PRIMARY KEY, name text)");
		Path users = this.project.file("db/schema/10_tables/users.sql", "-- mine\n");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture(this.live).writeSchemaFromDatabase(SchemaExportOptions.defaults()))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.CONFIG))
			.withMessageContaining("db/schema/10_tables/users.sql")
			.withMessageContaining("Nothing was written");
		assertThat(Files.readString(users)).isEqualTo("-- mine\n");
		SchemaExportResult result = confiture(this.live)
			.writeSchemaFromDatabase(SchemaExportOptions.defaults().withOverwrite(true));
		assertThat(result.verified()).isTrue();
		assertThat(Files.readString(users)).contains("CREATE TABLE public.users");
	}

	@Test
	void choosesSchemasAndExcludesObjects() {
		AdoptionDatabase.execute(this.live, """
				CREATE SCHEMA billing;
				CREATE TABLE billing.invoices (id int PRIMARY KEY);
				CREATE TABLE billing.tmp_import (id int);
				CREATE TABLE public.other (id int);
				""");
		SchemaExportResult result = confiture(this.live).writeSchemaFromDatabase(
				SchemaExportOptions.defaults().withSchemas(List.of("billing")).withExclude(List.of("tmp_*")));
		assertThat(result.files()).containsExactly("db/schema/00_common/00_schemas.sql",
				"db/schema/10_tables/billing.invoices.sql");
		assertThat(result.differences()).isEmpty();
	}

	@Test
	void recordsABaselineOnlyWhenAsked() {
		AdoptionDatabase.execute(this.live, "CREATE TABLE users (id int PRIMARY KEY)");
		this.project.file("db/migrations/001_create_users.up.sql", "CREATE TABLE users (id int PRIMARY KEY);");
		SchemaExportResult result = confiture(this.live).writeSchemaFromDatabase(SchemaExportOptions.defaults());
		assertThat(result.baselineRecorded()).isFalse();
		assertThat(confiture(this.live).migrator().build().status().initialized()).isFalse();
		result = confiture(this.live)
			.writeSchemaFromDatabase(SchemaExportOptions.defaults().withOverwrite(true).withBaseline(true));
		assertThat(result.baselineRecorded()).isTrue();
		assertThat(result.baselined()).containsExactly("001");
		StatusReport status = confiture(this.live).migrator().build().status();
		assertThat(status.pendingCount()).isZero();
		assertThat(status.migrations()).extracting((migration) -> migration.state())
			.containsExactly(MigrationState.APPLIED);
		assertThat(confiture(this.live).lastBuild()).isPresent();
	}

	@Test
	void emptyDatabaseIsRefusedAndNothingIsWritten() {
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> confiture(this.live).writeSchemaFromDatabase(SchemaExportOptions.defaults()))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.CONFIG))
			.withMessageContaining("holds no schema objects to write");
		assertThat(this.root.resolve("db/schema")).isEmptyDirectory();
	}

	private String read(SchemaExportResult result, String name) throws IOException {
		String file = result.files()
			.stream()
			.filter((path) -> path.endsWith("/" + name) || path.endsWith("_" + name))
			.findFirst()
			.orElseThrow(() -> new AssertionError(name + " not in " + result.files()));
		return Files.readString(this.root.resolve(file));
	}

}
