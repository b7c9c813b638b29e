package dev.confiture.core.migrate;

import java.nio.file.Path;
import java.util.OptionalInt;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.migrate.MigratorTests.TestJavaMigration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-query check of a restart ({@link Migrator#appliedWhenUpToDate()}): it says "up
 * to date" only where the full status says so, and hands every other case to the full
 * status.
 */
class UpToDateCheckTests {

	@TempDir
	Path directory;

	MigrationTestDatabase db;

	@BeforeEach
	void createDatabase() {
		this.db = new MigrationTestDatabase(this.directory);
		this.db.write("2_create_users.up.sql", "CREATE TABLE users (id int PRIMARY KEY);\n");
		this.db.write("10_add_email.up.sql", "ALTER TABLE users ADD COLUMN email text;\n");
		this.db.write("009_create_posts.up.sql", "CREATE TABLE posts (id int);\n");
	}

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void appliedMigrationsWhoseVersionsSortDifferentlyAsTextAndAsNumbersAreUpToDate() {
		Migrator migrator = this.db.migrator().build();
		migrator.up();
		assertThat(migrator.appliedWhenUpToDate()).hasValue(3);
		assertThat(migrator.status().isUpToDate()).isTrue();
	}

	@Test
	void withoutTrackingTableTheFullStatusDecides() {
		Migrator migrator = this.db.migrator().build();
		assertThat(migrator.appliedWhenUpToDate()).isEmpty();
		assertThat(this.db.tableExists("confiture_migrations")).isFalse();
	}

	@Test
	void aPendingMigrationIsNotUpToDate() {
		Migrator migrator = this.db.migrator().build();
		migrator.up();
		this.db.write("011_add_name.up.sql", "ALTER TABLE users ADD COLUMN name text;\n");
		Migrator restarted = this.db.migrator().build();
		assertThat(restarted.appliedWhenUpToDate()).isEmpty();
		assertThat(restarted.status().pendingCount()).isEqualTo(1);
	}

	@Test
	void aChangedFileOfAnAppliedMigrationIsNotUpToDate() {
		this.db.migrator().build().up();
		this.db.write("009_create_posts.up.sql", "CREATE TABLE posts (id bigint);\n");
		Migrator restarted = this.db.migrator().build();
		assertThat(restarted.appliedWhenUpToDate()).isEmpty();
		assertThat(restarted.status().hasChecksumMismatch()).isTrue();
	}

	@Test
	void anAppliedMigrationWithoutFileOrAnExtraRowIsLeftToTheFullStatus() {
		this.db.migrator().build().up();
		this.db.delete("10_add_email.up.sql");
		Migrator restarted = this.db.migrator().build();
		assertThat(restarted.appliedWhenUpToDate()).isEmpty();
		assertThat(restarted.status().missingFileCount()).isEqualTo(1);
	}

	@Test
	void aVersionWrittenDifferentlyInTheTableIsLeftToTheFullStatus() {
		Migrator migrator = this.db.migrator().build();
		migrator.up();
		this.db.execute("UPDATE confiture_migrations SET version = '0002' WHERE version = '2'");
		assertThat(migrator.appliedWhenUpToDate()).isEmpty();
		assertThat(migrator.status().isUpToDate()).isTrue();
	}

	@Test
	void javaMigrationsWithoutChecksumAreUpToDateOnceApplied() {
		TestJavaMigration java = new TestJavaMigration("011", "backfill", (context) -> {
		});
		Migrator migrator = this.db.migrator().javaMigrations(java).build();
		migrator.up();
		assertThat(this.db
			.queryString("SELECT coalesce(checksum, 'none') FROM confiture_migrations " + "WHERE version = '011'"))
			.isEqualTo("none");
		assertThat(migrator.appliedWhenUpToDate()).isEqualTo(OptionalInt.of(4));
	}

}
