package dev.confiture.core;

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

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.build.BuildResult;
import dev.confiture.core.migrate.JavaMigration;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The baseline proof of a build: every migration marked as applied must already be in the
 * schema files.
 */
class BaselineProofTests {

	@TempDir
	Path root;

	TestProject project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() {
		this.project = new TestProject(this.root).withLocalEnvironment();
		this.project.file("db/schema/10_tables/book.sql", """
				CREATE TABLE book (
					id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
					title text NOT NULL,
					isbn text,
					price numeric(10, 2) DEFAULT 0,
					CONSTRAINT book_price_check CHECK (price >= 0)
				);
				CREATE INDEX book_title_idx ON book (title);
				COMMENT ON TABLE book IS 'Books';
				""");
		this.project.file("db/schema/20_functions/touch.sql",
				"CREATE FUNCTION book_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM book';");
		this.project.file("db/seeds/common/00_books.sql", "INSERT INTO book (title) VALUES ('Seeded');");
		this.project.directory("db/seeds/development");
		this.database = PostgresServers.shared().createDatabase();
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void mirroredHistoryBuildsAndIsBaselined() throws SQLException {
		this.project.file("db/migrations/001_create_book.up.sql",
				"CREATE TABLE book (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL);\n"
						+ "CREATE INDEX book_title_idx ON book (title);\n");
		this.project.file("db/migrations/002_add_isbn.up.sql", "ALTER TABLE book ADD COLUMN isbn text;");
		this.project.file("db/migrations/003_price.up.sql",
				"ALTER TABLE book ADD COLUMN price numeric(10, 2);\n"
						+ "ALTER TABLE book ALTER COLUMN price SET DEFAULT 0;\n"
						+ "ALTER TABLE book ADD CONSTRAINT book_price_check CHECK (price >= 0);\n");
		this.project.file("db/migrations/004_backfill.up.sql", "UPDATE book SET isbn = 'unknown' WHERE isbn IS NULL;");
		this.project.file("db/migrations/005_comment.up.sql", "COMMENT ON TABLE book IS 'Books';");
		this.project.file("db/migrations/006_count.up.sql",
				"CREATE OR REPLACE FUNCTION book_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM book';");
		this.project.file("db/migrations/007_drop_legacy.up.sql", "DROP TABLE legacy;");
		this.project.file("db/migrations/008_concurrent.up.sql",
				"CREATE INDEX CONCURRENTLY book_title_idx ON book (title);");
		BuildResult result = confiture().build(BuildOptions.defaults());
		assertThat(result.baselineProof().ran()).isTrue();
		assertThat(result.baselineProof().checked()).isEqualTo(8);
		assertThat(result.baselineProof().unmirrored()).isEmpty();
		assertThat(result.baselinedMigrations()).hasSize(8);
		assertThat(query("SELECT title || ' ' || coalesce(isbn, '-') FROM book")).containsExactly("Seeded -");
		assertThat(query("SELECT count(*)::text FROM confiture_migrations")).containsExactly("8");
	}

	@Test
	void migrationMissingFromSchemaFilesFailsTheBuildNamingWhatItAdds() throws SQLException {
		this.project.file("db/migrations/001_add_isbn.up.sql", "ALTER TABLE book ADD COLUMN isbn text;");
		this.project.file("db/migrations/002_add_owner_email.up.sql",
				"ALTER TABLE book ADD COLUMN owner_email text NOT NULL DEFAULT '';\n"
						+ "CREATE INDEX book_owner_email_idx ON book (owner_email);\n");
		this.project.file("db/migrations/003_reviews.up.sql", "CREATE TABLE review (id int PRIMARY KEY);");
		this.project.file("db/migrations/004_price.up.sql", "ALTER TABLE book ALTER COLUMN price SET DEFAULT 1;");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> confiture().build(BuildOptions.defaults()))
			.satisfies((ex) -> {
				assertThat(ex.category()).isEqualTo(Category.SCHEMA);
				assertThat(ex.getMessage()).contains("The schema files do not contain 3 migrations")
					.contains("002_add_owner_email (db/migrations/002_add_owner_email.up.sql) adds column "
							+ "public.book.owner_email text DEFAULT ''::text NOT NULL")
					.contains("adds index public.book_owner_email_idx")
					.contains("003_reviews (db/migrations/003_reviews.up.sql) adds table public.review")
					.contains("004_price (db/migrations/004_price.up.sql) changes column public.book.price")
					.doesNotContain("001_add_isbn");
				assertThat(ex.remedy()).isEqualTo(Remedy.of(Remedy.Kind.MIRROR_MIGRATIONS_IN_SCHEMA, "count", "3"));
			});
		assertThat(query("SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
	}

	@Test
	void unmirroredMigrationBuildsWhenTheProofIsOff() throws SQLException {
		this.project.file("db/migrations/001_add_owner_email.up.sql", "ALTER TABLE book ADD COLUMN owner_email text;");
		BuildResult result = confiture().build(BuildOptions.defaults().withBaselineProof(false));
		assertThat(result.baselineProof().ran()).isFalse();
		assertThat(result.baselinedMigrations()).containsExactly("001");
		assertThat(query("SELECT count(*)::text FROM information_schema.columns WHERE column_name = 'owner_email'"))
			.containsExactly("0");
	}

	@Test
	void javaMigrationIsJudgedByTheCatalog() {
		JavaMigration mirrored = new TestJavaMigration("001", "isbn", "ALTER TABLE book ADD COLUMN isbn text");
		JavaMigration missing = new TestJavaMigration("002", "owner", "CREATE TABLE owner (id int)");
		Confiture confiture = Confiture.configure()
			.projectDirectory(this.root)
			.environment("local")
			.database(this.database.settings())
			.migrator((migrator) -> migrator.javaMigrations(List.of(mirrored, missing)))
			.load();
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> confiture.build(BuildOptions.defaults()))
			.withMessageContaining("002_owner (" + TestJavaMigration.class.getName() + ") adds table public.owner")
			.withMessageNotContaining("001_isbn");
	}

	@Test
	void statementFailingForAnotherReasonIsANoteNotAFailure() {
		this.project.file("db/migrations/001_bad_data.up.sql", "INSERT INTO book (title) VALUES (NULL);");
		BuildResult result = confiture().build(BuildOptions.defaults());
		assertThat(result.baselineProof().passed()).isTrue();
		assertThat(result.baselineProof().notes()).singleElement()
			.asString()
			.startsWith("db/migrations/001_bad_data.up.sql:1: ")
			.contains("23502");
	}

	@Test
	void existingTableOrIndexIsMirroredOnlyInTheSchemaItWouldBeCreatedIn() throws SQLException {
		this.project.file("db/schema/00_common/audit.sql", "CREATE SCHEMA audit;");
		this.project.file("db/migrations/001_book.up.sql",
				"-- the first table\nCREATE TABLE IF NOT EXISTS public.\"book\" "
						+ "(id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL);\n"
						+ "CREATE INDEX book_title_idx ON ONLY public.book (title);");
		this.project.file("db/migrations/002_audit_book.up.sql", "CREATE TABLE audit.book (id int);");
		this.project.file("db/migrations/003_audit_path.up.sql",
				"SET search_path TO audit, public;\nCREATE TABLE entry (id int);\nCREATE INDEX book_title_idx ON entry (id);");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> confiture().build(BuildOptions.defaults()))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("The schema files do not contain 2 migrations")
				.contains("002_audit_book (db/migrations/002_audit_book.up.sql) adds table audit.book")
				.contains("003_audit_path (db/migrations/003_audit_path.up.sql) adds table audit.entry")
				.contains("adds index audit.book_title_idx")
				.doesNotContain("001_book"));
		assertThat(query("SELECT count(*)::text FROM pg_tables WHERE schemaname IN ('public', 'audit')"))
			.containsExactly("0");
	}

	@Test
	void migrationsRunOneAfterTheOtherSoALaterOneMayUndoAnEarlierOne() {
		this.project.file("db/migrations/001_add_isbn.up.sql", "ALTER TABLE book ADD COLUMN isbn text;");
		this.project.file("db/migrations/002_price_one.up.sql", "ALTER TABLE book ALTER COLUMN price SET DEFAULT 1;");
		this.project.file("db/migrations/003_price_zero.up.sql", "ALTER TABLE book ALTER COLUMN price SET DEFAULT 0;");
		this.project.file("db/migrations/004_bad_data.up.sql", "INSERT INTO book (title) VALUES (NULL);");
		BuildResult result = confiture().build(BuildOptions.defaults());
		assertThat(result.baselineProof().passed()).isTrue();
		assertThat(result.baselineProof().checked()).isEqualTo(4);
		assertThat(result.baselineProof().notes()).singleElement()
			.asString()
			.startsWith("db/migrations/004_bad_data.up.sql:1: ");
	}

	@Test
	void changeThatALaterMigrationUndoesIsNotNamedWhenAnotherMigrationIsMissing() throws SQLException {
		this.project.file("db/migrations/001_price_one.up.sql", "ALTER TABLE book ALTER COLUMN price SET DEFAULT 1;");
		this.project.file("db/migrations/002_price_zero.up.sql", "ALTER TABLE book ALTER COLUMN price SET DEFAULT 0;");
		this.project.file("db/migrations/003_add_owner_email.up.sql", "ALTER TABLE book ADD COLUMN owner_email text;");
		this.project.file("db/migrations/004_temporary.up.sql", "ALTER TABLE book ADD COLUMN scratch int;");
		this.project.file("db/migrations/005_drop_temporary.up.sql", "ALTER TABLE book DROP COLUMN scratch;");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> confiture().build(BuildOptions.defaults()))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("The schema files do not contain a migration ")
				.contains("003_add_owner_email (db/migrations/003_add_owner_email.up.sql) adds column "
						+ "public.book.owner_email text")
				.doesNotContain("001_price_one")
				.doesNotContain("004_temporary"));
		assertThat(query("SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
	}

	@Test
	void additionsThatAreRefusedAreSkippedButOthersInTheSameStatementAreProven() {
		this.project.file("db/migrations/001_isbn.up.sql", "ALTER TABLE book ADD COLUMN isbn text;\n"
				+ "ALTER TABLE book ADD CONSTRAINT book_price_check CHECK (price >= 0), ADD COLUMN ignored int;");
		this.project.file("db/migrations/002_extra.up.sql",
				"ALTER TABLE book ADD COLUMN IF NOT EXISTS isbn text, ADD COLUMN extra int;");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> confiture().build(BuildOptions.defaults()))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("The schema files do not contain a migration ")
				.contains("002_extra (db/migrations/002_extra.up.sql) adds column public.book.extra integer")
				.doesNotContain("001_isbn"));
	}

	@Test
	void changeUndoneOnlyByAnotherMissingMigrationIsStillNamed() {
		this.project.file("db/migrations/001_price_one.up.sql", "ALTER TABLE book ALTER COLUMN price SET DEFAULT 1;");
		this.project.file("db/migrations/002_price_two_and_email.up.sql",
				"ALTER TABLE book ALTER COLUMN price SET DEFAULT 2;\nALTER TABLE book ADD COLUMN owner_email text;");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> confiture().build(BuildOptions.defaults()))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("The schema files do not contain 2 migrations")
				.contains("001_price_one (db/migrations/001_price_one.up.sql) changes column public.book.price")
				.contains("002_price_two_and_email"));
	}

	@Test
	void existingTableInTheSameMigrationAsANewColumnDoesNotHideTheColumn() throws SQLException {
		this.project.file("db/migrations/001_create_book.up.sql",
				"CREATE TABLE book (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL);\n"
						+ "CREATE INDEX book_title_idx ON book (title);\n"
						+ "ALTER TABLE book ALTER COLUMN price SET DEFAULT 0;\n"
						+ "ALTER TABLE book ADD COLUMN subtitle text;\n");
		this.project.file("db/migrations/002_isbn.up.sql", "ALTER TABLE book ADD COLUMN isbn text;");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> confiture().build(BuildOptions.defaults()))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("The schema files do not contain a migration")
				.contains(
						"001_create_book (db/migrations/001_create_book.up.sql) adds column public.book.subtitle text")
				.doesNotContain("002_isbn"));
		assertThat(query("SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
	}

	@Test
	void tableRenamedAwayThenCreatedAgainIsNotTakenForTheBuiltOne() throws SQLException {
		this.project.file("db/migrations/001_create_book.up.sql",
				"CREATE TABLE book (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL);");
		this.project.file("db/migrations/002_rename.up.sql", "ALTER TABLE book RENAME TO old_book;");
		this.project.file("db/migrations/003_recreate.up.sql",
				"CREATE TABLE book (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, title text NOT NULL);\n"
						+ "CREATE INDEX book_title_idx ON book (title);\n");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> confiture().build(BuildOptions.defaults()))
			.satisfies((ex) -> assertThat(ex.getMessage())
				.contains("002_rename (db/migrations/002_rename.up.sql) adds table public.old_book"));
		assertThat(query("SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
	}

	private Confiture confiture() {
		return Confiture.configure()
			.projectDirectory(this.root)
			.environment("local")
			.database(this.database.settings())
			.load();
	}

	private List<String> query(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = this.database.settings().open();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

	record TestJavaMigration(String version, String name, String sql) implements JavaMigration {

		@Override
		public void up(Context context) throws Exception {
			context.execute(this.sql);
		}

	}

}
