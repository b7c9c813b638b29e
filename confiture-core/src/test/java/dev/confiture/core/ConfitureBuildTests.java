package dev.confiture.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.build.BuildOptions;
import dev.confiture.core.build.BuildResult;
import dev.confiture.core.config.EnvironmentLoader;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Builds through the facade, from both configuration forms, with per-environment seeds.
 */
class ConfitureBuildTests {

	@TempDir
	Path root;

	TestProject project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() {
		this.project = new TestProject(this.root);
		this.project.file("db/schema/10_tables/users.sql", "CREATE TABLE users (name text PRIMARY KEY);");
		this.project.file("db/seeds/common/00_users.sql", "INSERT INTO users VALUES ('common');");
		this.project.file("db/seeds/development/00_users.sql", "INSERT INTO users VALUES ('development');");
		this.project.file("db/seeds/test/00_users.sql", "INSERT INTO users VALUES ('test');");
		this.database = PostgresServers.shared().createDatabase();
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void eachEnvironmentFileBringsItsOwnSeeds() throws SQLException {
		this.project.withLocalEnvironment();
		this.project.environment("test", """
				name: test
				includes: [../schema, ../seeds/common, ../seeds/test]
				database_url: ${TEST_DATABASE_URL}
				""");
		Confiture local = Confiture.configure()
			.projectDirectory(this.root)
			.environment("local")
			.database(this.database.settings())
			.load();
		local.build(BuildOptions.defaults());
		assertThat(names()).containsExactly("common", "development");
		EnvironmentLoader loader = new EnvironmentLoader(Map.of("TEST_DATABASE_URL",
				this.database.settings().jdbcUrl() + "?user=" + this.database.settings().user()));
		Confiture test = Confiture.configure()
			.projectDirectory(this.root)
			.environment("test")
			.environmentLoader(loader)
			.load();
		test.build(BuildOptions.defaults().withExisting(BuildOptions.ExistingObjects.DROP));
		assertThat(names()).containsExactly("common", "test");
	}

	@Test
	void singleConfitureYamlWithEnvironmentsMap() throws SQLException {
		this.project.file("confiture.yaml", """
				project:
				  name: blog
				environments:
				  local:
				    schema_dirs: [db/schema]
				    seeds: [db/seeds/common]
				    database_url: ${URL}
				""");
		EnvironmentLoader loader = new EnvironmentLoader(
				Map.of("URL", this.database.settings().jdbcUrl() + "?user=" + this.database.settings().user()));
		BuildResult result = Confiture.configure()
			.projectDirectory(this.root)
			.environment("local")
			.environmentLoader(loader)
			.load()
			.build(BuildOptions.defaults());
		assertThat(result.schemaFiles()).hasSize(1);
		assertThat(result.seedFiles()).hasSize(1);
		assertThat(names()).containsExactly("common");
	}

	@Test
	void environmentWithoutDatabaseSaysHowToConfigureOne() {
		this.project.withLocalEnvironment();
		Confiture confiture = Confiture.configure().projectDirectory(this.root).environment("local").load();
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> confiture.build(BuildOptions.defaults()))
			.withMessageContaining("has no database")
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(ConfitureException.Category.CONFIG))
			.satisfies((ex) -> assertThat(ex.remedy())
				.isEqualTo(Remedy.of(Remedy.Kind.CONFIGURE_ENVIRONMENT_DATABASE, "environment", "local")));
	}

	private List<String> names() throws SQLException {
		List<String> names = new ArrayList<>();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT name FROM users ORDER BY name")) {
			while (rows.next()) {
				names.add(rows.getString(1));
			}
		}
		return names;
	}

}
