package dev.confiture.core.migrate;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.sql.SqlExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A hand-written migration that adds an enum value and uses it in the same transaction.
 */
class UnsafeEnumValueTests {

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
	void migrationUsingAnEnumValueItAddsIsExplainedAndNothingOfItIsApplied() {
		this.db.write("001_status.up.sql",
				"CREATE TYPE status AS ENUM ('draft', 'published');\nCREATE TABLE post (id int, s status DEFAULT 'draft');\n");
		this.db.write("002_review.up.sql", "ALTER TYPE status ADD VALUE 'review';\nCREATE TABLE audit (id int);\n"
				+ "ALTER TABLE post\n  ALTER COLUMN s SET DEFAULT 'review';\n");
		Migrator migrator = this.db.migrator().build();
		assertThatExceptionOfType(SqlExecutionException.class).isThrownBy(migrator::up).satisfies((ex) -> {
			assertThat(ex.category()).isEqualTo(Category.DATABASE);
			assertThat(ex.sqlState()).isEqualTo("55P04");
			assertThat(ex.getMessage())
				.contains("Migration 002_review failed; it was rolled back, nothing of it was applied")
				.contains("002_review.up.sql:3: unsafe use of new value \"review\" of enum type status")
				.contains("PostgreSQL rule: an enum value added by ALTER TYPE ... ADD VALUE cannot be used")
				.contains("a migration runs in one transaction");
			assertThat(ex.line()).isEqualTo(3);
			assertThat(ex.remedy().kind()).isEqualTo(Remedy.Kind.RERUN);
			assertThat(ex.remedy().get("before")).contains("Move the ALTER TYPE ... ADD VALUE of")
				.contains("002_review.up.sql")
				.contains("into a migration of its own that comes before it");
			assertThat(ex.remedy().get("operation")).isEqualTo("up");
		});
		assertThat(this.db.queryList(
				"SELECT enumlabel::text FROM pg_enum WHERE enumtypid = 'status'::regtype ORDER BY enumsortorder"))
			.containsExactly("draft", "published");
		assertThat(this.db.queryString("SELECT to_regclass('audit')::text")).isNull();
		assertThat(this.db.queryList("SELECT version FROM confiture_migrations ORDER BY 1")).containsExactly("001");
		this.db.write("002_review.up.sql", "ALTER TYPE status ADD VALUE 'review';\n");
		this.db.write("003_review_default.up.sql",
				"CREATE TABLE audit (id int);\nALTER TABLE post ALTER COLUMN s SET DEFAULT 'review';\n");
		assertThat(migrator.up().doneCount()).isEqualTo(2);
		assertThat(this.db
			.queryString("SELECT pg_get_expr(adbin, adrelid) FROM pg_attrdef WHERE adrelid = 'post'::regclass"))
			.isEqualTo("'review'::status");
	}

}
