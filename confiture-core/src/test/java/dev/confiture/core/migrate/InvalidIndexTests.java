package dev.confiture.core.migrate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogReader;
import dev.confiture.core.catalog.Index;
import dev.confiture.core.diff.DiffOptions;
import dev.confiture.core.diff.Plan;
import dev.confiture.core.diff.SchemaDiff;
import dev.confiture.core.sql.SqlExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * An INVALID index (left by a failed {@code CREATE UNIQUE INDEX CONCURRENTLY}) is never
 * passed as applied: the re-run with {@code IF NOT EXISTS} is refused, status reports it,
 * the catalog carries the flag and a diff notes it.
 */
class InvalidIndexTests {

	@TempDir
	Path directory;

	MigrationTestDatabase db;

	@BeforeEach
	void createDatabase() {
		this.db = new MigrationTestDatabase(this.directory);
		this.db.write("001_users.up.sql", "CREATE TABLE users (id int, email text);\n"
				+ "INSERT INTO users VALUES (1, 'same@example.com'), (2, 'same@example.com');");
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void rerunWithIfNotExistsOverAnInvalidIndexIsNotRecorded() {
		this.db.write("002_unique_email.up.sql",
				"CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n");
		Migrator migrator = this.db.migrator().build();
		assertThatExceptionOfType(SqlExecutionException.class).isThrownBy(migrator::up);
		this.db.write("002_unique_email.up.sql",
				"CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email);\n");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(migrator::up).satisfies((ex) -> {
			assertThat(ex.category()).isEqualTo(Category.DATABASE);
			assertThat(ex.getMessage()).contains("002_unique_email")
				.contains("the index public.users_email_key is INVALID")
				.contains("does not enforce its uniqueness")
				.contains("was not recorded as applied");
			assertThat(ex.remedy().get("before")).contains("DROP INDEX CONCURRENTLY IF EXISTS public.users_email_key;");
		});
		assertThat(this.db.appliedVersions()).containsExactly("001");
		StatusReport status = migrator.status();
		assertThat(status.invalidIndexes()).containsExactly("public.users_email_key");
		assertThat(status.needsAttention()).isTrue();
		this.db.execute("DROP INDEX users_email_key; DELETE FROM users WHERE id = 2");
		assertThat(migrator.up().doneCount()).isEqualTo(1);
		assertThat(migrator.status().invalidIndexes()).isEmpty();
		assertThat(migrator.status().needsAttention()).isFalse();
	}

	@Test
	void failureNamesOnlyTheIndexesOfThisMigration() {
		this.db.write("002_unique_email.up.sql",
				"CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);\n");
		this.db.migrator().build().up(null, 1);
		// another session's INVALID index, on another table
		this.db.execute("CREATE TABLE other (v int); INSERT INTO other VALUES (1), (1)");
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> this.db.execute("CREATE UNIQUE INDEX CONCURRENTLY other_v ON other (v)"));
		assertThatExceptionOfType(SqlExecutionException.class).isThrownBy(() -> this.db.migrator().build().up())
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).contains("It left the INVALID index public.users_email_key behind")
					.doesNotContain("other_v");
				assertThat(ex.remedy().get("before")).doesNotContain("other_v");
			});
	}

	@Test
	void unnamedIndexLeftInvalidIsFoundOnItsTable() {
		this.db.write("002_unique_email.up.sql", "CREATE UNIQUE INDEX CONCURRENTLY ON users (email);\n");
		assertThatExceptionOfType(SqlExecutionException.class).isThrownBy(() -> this.db.migrator().build().up())
			.satisfies(
					(ex) -> assertThat(ex.getMessage()).contains("It left the INVALID index public.users_email_idx"));
	}

	@Test
	void catalogCarriesValidityAndDiffNotesAnInvalidIndex() throws Exception {
		this.db.migrator().build().up();
		assertThatExceptionOfType(Exception.class)
			.isThrownBy(() -> this.db.execute("CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email)"));
		Catalog live;
		try (Connection connection = this.db.database.connect()) {
			live = CatalogReader.ignoringConfitureTables("confiture_migrations").read(connection);
		}
		Index index = live.all(Index.class)
			.stream()
			.filter((each) -> each.name().contains("users_email_key"))
			.findFirst()
			.orElseThrow();
		assertThat(index.valid()).isFalse();
		assertThat(index.broken()).isTrue();
		this.db.execute("DELETE FROM users WHERE id = 2");
		try (Connection connection = this.db.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("DROP INDEX users_email_key");
			statement.execute("CREATE UNIQUE INDEX users_email_key ON users (email)");
		}
		Catalog repaired;
		try (Connection connection = this.db.database.connect()) {
			repaired = CatalogReader.ignoringConfitureTables("confiture_migrations").read(connection);
		}
		Plan plan = SchemaDiff.compare(live, repaired, DiffOptions.defaults());
		assertThat(plan.notes())
			.anySatisfy((note) -> assertThat(note).contains("users_email_key").contains("is INVALID"));
		assertThat(plan.steps()).extracting((step) -> step.description())
			.contains("drop index public.users_email_key", "create index public.users_email_key");
		assertThat(SchemaDiff.compare(repaired, repaired, DiffOptions.defaults()).notes()).isEmpty();
		assertThat(List.of(repaired.all(Index.class).get(0).valid())).containsExactly(true);
	}

}
