package dev.confiture.benchmarks.generate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.Confiture;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class EvolvingSchemaGeneratorTests {

	@TempDir
	Path root;

	@Test
	void fiveMigrationsPerTable() {
		List<Migration> migrations = new EvolvingSchemaGenerator(2).migrations();
		assertThat(migrations).extracting(Migration::version).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
		assertThat(migrations.get(7).sql()).startsWith("CREATE INDEX h002_orders_created_at_idx");
	}

	@Test
	void finalSchemaIsWhatFlywayAndConfitureReachByReplayingTheHistory() throws SQLException {
		GeneratedHistory history = new EvolvingSchemaGenerator(3).write(this.root);
		assertThat(history.migrationCount()).isEqualTo(15);
		PostgresServer server = PostgresServers.shared();
		try (ScratchDatabase built = server.createDatabase();
				ScratchDatabase flyway = server.createDatabase();
				ScratchDatabase migrated = server.createDatabase()) {
			Confiture.configure()
				.projectDirectory(history.confitureProject().directory())
				.environment(ConfitureProject.ENVIRONMENT)
				.database(built.settings())
				.load()
				.build(BuildOptions.defaults());
			Flyway.configure()
				.dataSource(flyway.settings().jdbcUrl(), flyway.settings().user(), flyway.settings().password())
				.locations(history.flywayLocationSpec())
				.loggers("slf4j")
				.load()
				.migrate();
			Migrator.builder()
				.database(migrated.settings())
				.migrationsDirectory(history.confitureProject().migrationsDirectory())
				.build()
				.up();
			List<String> expected = fingerprint(flyway);
			assertThat(expected).contains(
					"constraint h003_invoices h003_invoices_amount_check CHECK ((amount >= (0)::numeric))",
					"column h003_invoices.amount #3 numeric(12,2) null=t default=0 identity=");
			assertThat(fingerprint(built)).isEqualTo(expected);
			assertThat(fingerprint(migrated)).isEqualTo(expected);
		}
	}

	private static List<String> fingerprint(ScratchDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			return CatalogFingerprint.of(connection);
		}
	}

}
