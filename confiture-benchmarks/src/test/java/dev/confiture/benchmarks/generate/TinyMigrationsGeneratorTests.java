package dev.confiture.benchmarks.generate;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.migrate.MigrationRun;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class TinyMigrationsGeneratorTests {

	@TempDir
	Path root;

	@Test
	void writesTheSameSqlInBothNamings() throws Exception {
		GeneratedHistory history = new TinyMigrationsGenerator(7).write(this.root);
		assertThat(Files.readString(history.flywayLocation().resolve("V6__create_tiny_002.sql")))
			.isEqualTo(Files
				.readString(history.confitureProject().migrationsDirectory().resolve("006_create_tiny_002.up.sql")))
			.isEqualTo("CREATE TABLE tiny_002 (id integer);\n");
		assertThat(Files.readString(history.flywayLocation().resolve("V7__add_c1_to_tiny_002.sql")))
			.isEqualTo("ALTER TABLE tiny_002 ADD COLUMN c1 integer;\n");
	}

	@Test
	void flywayAndConfitureApplyEveryMigrationToTheSameSchema() throws SQLException {
		GeneratedHistory history = new TinyMigrationsGenerator(12).write(this.root);
		PostgresServer server = PostgresServers.shared();
		try (ScratchDatabase flyway = server.createDatabase(); ScratchDatabase confiture = server.createDatabase()) {
			int executed = Flyway.configure()
				.dataSource(flyway.settings().jdbcUrl(), flyway.settings().user(), flyway.settings().password())
				.locations(history.flywayLocationSpec())
				.loggers("slf4j")
				.load()
				.migrate().migrationsExecuted;
			MigrationRun run = Migrator.builder()
				.database(confiture.settings())
				.migrationsDirectory(history.confitureProject().migrationsDirectory())
				.build()
				.up();
			assertThat(executed).isEqualTo(12);
			assertThat(run.doneCount()).isEqualTo(12);
			List<String> expected = fingerprint(flyway);
			assertThat(expected).contains("column tiny_003.c1 #2 integer null=t default= identity=");
			assertThat(fingerprint(confiture)).isEqualTo(expected);
		}
	}

	private static List<String> fingerprint(ScratchDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			return CatalogFingerprint.of(connection);
		}
	}

}
