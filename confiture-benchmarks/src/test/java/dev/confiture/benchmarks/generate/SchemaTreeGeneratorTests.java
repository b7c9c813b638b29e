package dev.confiture.benchmarks.generate;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.Confiture;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.build.BuildResult;
import dev.confiture.core.build.SchemaFile;
import dev.confiture.core.build.SchemaSources;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class SchemaTreeGeneratorTests {

	@TempDir
	Path root;

	@Test
	void writesTablesInNestedNumberedFoldersInTheOrderConfitureAppliesThem() {
		SchemaTreeGenerator generator = new SchemaTreeGenerator(List.of(11, 2, 3));
		List<String> written = generator.write(this.root.resolve("db/schema"));
		assertThat(generator.tableCount()).isEqualTo(66);
		assertThat(written).hasSize(66).startsWith("10_part_1/10_part_1/1_t0001_customers.sql");
		assertThat(written).contains("110_part_11/20_part_2/3_t0066_shipments.sql");
		List<String> discovered = SchemaSources
			.discover(this.root, List.of(this.root.resolve("db/schema")), List.of(), List.of())
			.schemaFiles()
			.stream()
			.map(SchemaFile::relativePath)
			.map((path) -> path.substring("db/schema/".length()))
			.toList();
		assertThat(discovered).isEqualTo(written);
	}

	@Test
	void generatedSchemaBuildsWithItsForeignKeysAndIndexes() throws SQLException {
		ConfitureProject project = ConfitureProject.create(this.root);
		new SchemaTreeGenerator(List.of(2, 5)).write(project.schemaDirectory());
		try (ScratchDatabase database = PostgresServers.shared().createDatabase()) {
			BuildResult result = Confiture.configure()
				.projectDirectory(project.directory())
				.environment(ConfitureProject.ENVIRONMENT)
				.database(database.settings())
				.load()
				.build(BuildOptions.defaults());
			assertThat(result.schemaFiles()).hasSize(10);
			try (Connection connection = database.connect()) {
				List<String> catalog = CatalogFingerprint.of(connection);
				assertThat(catalog).filteredOn((line) -> line.startsWith("index ") && line.contains("_idx "))
					.hasSize(TableSql.indexCount(10));
				assertThat(catalog).filteredOn((line) -> line.contains("FOREIGN KEY")).hasSize(16);
				assertThat(catalog)
					.contains("constraint t0010_tickets t0010_tickets_t0005_id_fkey FOREIGN KEY (t0005_id) REFERENCES "
							+ "t0005_payments(id) ON DELETE SET NULL");
			}
		}
	}

	@Test
	void rejectsAnEmptyShape() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SchemaTreeGenerator(List.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new SchemaTreeGenerator(List.of(3, 0)));
	}

}
