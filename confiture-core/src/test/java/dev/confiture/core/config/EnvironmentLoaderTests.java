package dev.confiture.core.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.Remedy.Setting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class EnvironmentLoaderTests {

	@TempDir
	Path project;

	private final EnvironmentLoader loader = new EnvironmentLoader(Map.of());

	@BeforeEach
	void createLayout() throws IOException {
		for (String directory : new String[] { "db/schema/00_common", "db/schema/10_tables", "db/seeds/common",
				"db/seeds/development" }) {
			Files.createDirectories(this.project.resolve(directory));
		}
	}

	@Test
	void environmentFileResolvesIncludesAgainstItsDirectoryAndIncludeDirsAgainstTheProject() {
		Path file = write("db/environments/local.yaml", """
				name: local
				includes:
				  - ../schema
				  - ../seeds/common
				include_dirs:
				  - db/seeds/development
				exclude_dirs:
				  - db/schema/99_scratch
				database_url: postgresql://app@localhost:5432/app_local
				""");
		Environment environment = this.loader.load(this.project, "local");
		assertThat(environment.name()).isEqualTo("local");
		assertThat(environment.configFile()).isEqualTo(file);
		assertThat(environment.projectDirectory()).isEqualTo(this.project);
		assertThat(environment.includeDirectories()).containsExactly(this.project.resolve("db/schema"),
				this.project.resolve("db/seeds/common"), this.project.resolve("db/seeds/development"));
		assertThat(environment.excludeDirectories()).containsExactly(this.project.resolve("db/schema/99_scratch"));
		assertThat(environment.database().jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app_local");
		assertThat(environment.database().user()).isEqualTo("app");
	}

	@Test
	void environmentFileWithoutOptionalKeysGetsDefaults() {
		write("db/environments/test.yml", "include_dirs: db/schema\n");
		Environment environment = this.loader.load(this.project, "test");
		assertThat(environment.name()).isEqualTo("test");
		assertThat(environment.includeDirectories()).containsExactly(this.project.resolve("db/schema"));
		assertThat(environment.excludeDirectories()).isEmpty();
		assertThat(environment.seedDirectories()).isEmpty();
		assertThat(environment.database()).isNull();
		assertThat(environment.migrationsDirectory()).isEqualTo(this.project.resolve("db/migrations"));
		assertThat(environment.trackingTable()).isEqualTo("confiture_migrations");
	}

	@Test
	void emptyEnvironmentFileGivesAllDefaults() {
		write("db/environments/local.yaml", "# nothing yet\n");
		Environment environment = this.loader.load(this.project, "local");
		assertThat(environment.includeDirectories()).isEmpty();
		assertThat(environment.trackingTable()).isEqualTo(Environment.DEFAULT_TRACKING_TABLE);
	}

	@Test
	void migrationsDirSeedsAndTrackingTableAreRead() {
		write("db/environments/local.yaml", """
				migrations_dir: db/migrations_v2
				seeds: [../seeds/common, ../seeds/development]
				tracking_table: ops.schema_history
				""");
		Environment environment = this.loader.load(this.project, "local");
		assertThat(environment.migrationsDirectory()).isEqualTo(this.project.resolve("db/migrations_v2"));
		assertThat(environment.seedDirectories()).containsExactly(this.project.resolve("db/seeds/common"),
				this.project.resolve("db/seeds/development"));
		assertThat(environment.trackingTable()).isEqualTo("ops.schema_history");
	}

	@Test
	void migrationsDirIsRelativeToTheProjectRootLikeIncludeDirs() {
		write("db/schema/tables.sql", "CREATE TABLE t (id int);\n");
		write("db/environments/local.yaml", """
				include_dirs: [db/schema]
				migrations_dir: db/migrations
				""");
		Environment environment = this.loader.load(this.project, "local");
		assertThat(environment.includeDirectories()).containsExactly(this.project.resolve("db/schema"));
		assertThat(environment.migrationsDirectory()).isEqualTo(this.project.resolve("db/migrations"));
	}

	@Test
	void nameKeyWinsOverTheFileName() {
		write("db/environments/local.yaml", "name: developer\n");
		assertThat(this.loader.load(this.project, "local").name()).isEqualTo("developer");
	}

	@Test
	void databaseBlockBuildsConnectionSettings() {
		write("db/environments/local.yaml", """
				database:
				  host: db.internal
				  port: 6543
				  database: app_local
				  user: app
				  password: s3cret
				""");
		ConnectionSettings database = this.loader.load(this.project, "local").database();
		assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/app_local");
		assertThat(database.user()).isEqualTo("app");
		assertThat(database.password()).isEqualTo("s3cret");
	}

	@Test
	void databaseBlockDefaultsToLocalhostAndPort5432() {
		write("db/environments/local.yaml", """
				database:
				  database: app_local
				""");
		ConnectionSettings database = this.loader.load(this.project, "local").database();
		assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/app_local");
		assertThat(database.user()).isNull();
		assertThat(database.password()).isNull();
	}

	@Test
	void numericPasswordIsKeptAsWritten() {
		write("db/environments/local.yaml", """
				database:
				  database: app
				  password: 007
				""");
		assertThat(this.loader.load(this.project, "local").database().password()).isEqualTo("007");
	}

	@Test
	void projectFileWithEnvironmentsIsReadWhenNoEnvironmentFileExists() {
		Path file = write("confiture.yaml", """
				project:
				  name: fraiseql-blog
				  description: Blog API
				environments:
				  local:
				    database:
				      host: localhost
				      port: 5432
				      database: fraiseql_blog
				      user: postgres
				      password: postgres
				    schema_dirs:
				      - db/schema/00_common
				      - db/schema/10_tables
				    migrations_dir: db/migrations
				  production:
				    database_url: postgresql://prod/blog
				""");
		Environment environment = this.loader.load(this.project, "local");
		assertThat(environment.name()).isEqualTo("local");
		assertThat(environment.configFile()).isEqualTo(file);
		assertThat(environment.projectDirectory()).isEqualTo(this.project);
		assertThat(environment.includeDirectories()).containsExactly(this.project.resolve("db/schema/00_common"),
				this.project.resolve("db/schema/10_tables"));
		assertThat(environment.database().jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:5432/fraiseql_blog");
		assertThat(environment.migrationsDirectory()).isEqualTo(this.project.resolve("db/migrations"));
		assertThat(this.loader.load(this.project, "production").database().jdbcUrl())
			.isEqualTo("jdbc:postgresql://prod/blog");
	}

	@Test
	void environmentFileWinsOverTheProjectFile() {
		write("confiture.yaml", """
				environments:
				  local:
				    tracking_table: from_project_file
				""");
		write("db/environments/local.yaml", "tracking_table: from_environment_file\n");
		assertThat(this.loader.load(this.project, "local").trackingTable()).isEqualTo("from_environment_file");
	}

	@Test
	void loadFileReadsAnEnvironmentFileAnywhere() throws IOException {
		Files.createDirectories(this.project.resolve("config/schema"));
		Files.createDirectories(this.project.resolve("config/db/schema"));
		Path file = write("config/staging.yaml", """
				includes: schema
				include_dirs: db/schema
				""");
		Environment environment = this.loader.loadFile(file, null);
		assertThat(environment.name()).isEqualTo("staging");
		assertThat(environment.projectDirectory()).isEqualTo(this.project.resolve("config"));
		assertThat(environment.includeDirectories()).containsExactly(this.project.resolve("config/schema"),
				this.project.resolve("config/db/schema"));
	}

	@Test
	void loadFileAcceptsARelativePath() {
		write("db/environments/local.yaml", "include_dirs: db/schema\n");
		Path relative = Path.of("").toAbsolutePath().relativize(this.project.resolve("db/environments/local.yaml"));
		Environment environment = this.loader.loadFile(relative, "local");
		assertThat(environment.configFile()).isEqualTo(this.project.resolve("db/environments/local.yaml"));
		assertThat(environment.projectDirectory()).isEqualTo(this.project);
	}

	@Test
	void loadFileRejectsAnEnvironmentFileForAnotherEnvironment() {
		Path file = write("db/environments/production.yaml", "name: production\n");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> this.loader.loadFile(file, "local"))
			.withMessage(file + ":1: This file describes environment 'production', not 'local'")
			.satisfies((ex) -> assertThat(ex.remedy()).isEqualTo(
					Remedy.pass(Setting.ENVIRONMENT, "production", "Pass ", ", or the file of environment 'local'")));
	}

	@Test
	void loadFilePicksTheNamedEnvironmentOfAProjectFile() {
		Path file = write("confiture.yaml", """
				environments:
				  local:
				    tracking_table: local_table
				  ci:
				    tracking_table: ci_table
				""");
		assertThat(this.loader.loadFile(file, "ci").trackingTable()).isEqualTo("ci_table");
	}

	@Test
	void loadFilePicksTheOnlyEnvironmentOfAProjectFile() {
		Path file = write("confiture.yaml", """
				environments:
				  ci:
				    tracking_table: ci_table
				""");
		assertThat(this.loader.loadFile(file, null).name()).isEqualTo("ci");
	}

	@Test
	void loadFilePicksLocalAmongSeveralEnvironments() {
		Path file = write("confiture.yaml", """
				environments:
				  ci:
				  local:
				  production:
				""");
		assertThat(this.loader.loadFile(file, null).name()).isEqualTo("local");
	}

	@Test
	void loadFileWithSeveralEnvironmentsAndNoLocalAsksToChoose() {
		Path file = write("confiture.yaml", """
				environments:
				  staging:
				  production:
				""");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> this.loader.loadFile(file, null))
			.withMessage(
					file + ":1: Several environments are defined (staging, production) and none is named " + "'local'")
			.satisfies((ex) -> assertThat(ex.remedy())
				.isEqualTo(Remedy.pass(Setting.ENVIRONMENT, "staging", "Choose one with ", "")));
	}

	@Test
	void loadFileWithNoEnvironmentsSaysHowToAddOne() {
		Path file = write("confiture.yaml", """
				project:
				  name: blog
				environments: {}
				""");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> this.loader.loadFile(file, null))
			.withMessageStartingWith(file + ":3: No environments are defined. Add one under 'environments:'");
	}

	@Test
	void loadFileOfAMissingFileNamesIt() {
		Path file = this.project.resolve("nope.yaml");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> this.loader.loadFile(file, null))
			.withMessage(file + ": Configuration file not found")
			.satisfies((ex) -> assertThat(ex.remedy()).isEqualTo(Remedy.of(Remedy.Kind.CREATE_PROJECT)))
			.satisfies((ex) -> assertThat(ex.file()).isEqualTo(file))
			.satisfies((ex) -> assertThat(ex.line()).isZero());
	}

	@Test
	void loadFileOfADirectoryExplainsWhatToPass() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.loadFile(this.project, null))
			.withMessageContaining("Expected a YAML file but found a directory");
	}

	@Test
	void unknownEnvironmentListsTheAvailableOnesAndWhereItLooked() {
		write("db/environments/local.yaml", "");
		write("db/environments/production.yml", "");
		Path projectFile = write("confiture.yaml", """
				environments:
				  ci:
				""");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> this.loader.load(this.project, "qa"))
			.withMessage(projectFile + ":1: Unknown environment 'qa' (looked for "
					+ this.project.resolve("db/environments/qa.yaml") + ", "
					+ this.project.resolve("db/environments/qa.yml") + " and environments in " + projectFile
					+ "); available: ci, local, production")
			.satisfies((ex) -> assertThat(ex.remedy()).isEqualTo(Remedy.pass(Setting.ENVIRONMENT, null, "Pass ",
					" with one of the available names, or add environment 'qa'")))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.CONFIG));
	}

	@Test
	void unknownEnvironmentSuggestsTheClosestName() {
		write("db/environments/staging.yaml", "");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "stagign"))
			.withMessageEndingWith("available: staging. Did you mean 'staging'?");
	}

	@Test
	void unknownEnvironmentInAnEmptyProjectSuggestsInit() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageContaining("Unknown environment 'local'")
			.withMessageEndingWith("no environments are configured")
			.satisfies((ex) -> assertThat(ex.remedy()).isEqualTo(Remedy.of(Remedy.Kind.CREATE_ENVIRONMENT)))
			.satisfies((ex) -> assertThat(ex.file()).isNull());
	}

	@Test
	void unknownEnvironmentInAProjectFileGivenWithConfigListsItsEnvironments() {
		Path file = write("confiture.yaml", """
				environments:
				  local:
				  production:
				""");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> this.loader.loadFile(file, "ci"))
			.withMessage(file + ":1: Unknown environment 'ci' (looked under 'environments:'); available: local, "
					+ "production")
			.satisfies((ex) -> assertThat(ex.remedy()).isEqualTo(Remedy.pass(Setting.ENVIRONMENT, null, "Pass ",
					" with one of the available names, or add environment 'ci'")));
	}

	@Test
	void environmentNameThatIsNotAPlainNameIsRejected() {
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "../secrets"))
			.withMessage(
					"Invalid environment name '../secrets'. Use letters, digits, '_' and '-', as in local or production");
	}

	@Test
	void environmentNamesListsFilesAndProjectFileEntriesSorted() {
		write("db/environments/production.yaml", "");
		write("db/environments/local.yml", "");
		write("db/environments/README.md", "");
		write("confiture.yaml", """
				environments:
				  staging:
				  local:
				""");
		assertThat(this.loader.environmentNames(this.project)).containsExactly("local", "production", "staging");
	}

	@Test
	void environmentNamesOfAnEmptyProjectIsEmpty() {
		assertThat(this.loader.environmentNames(this.project)).isEmpty();
	}

	@Test
	void bothYamlAndYmlForOneEnvironmentIsAnError() {
		write("db/environments/local.yaml", "");
		write("db/environments/local.yml", "");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageContaining("Both local.yaml and local.yml exist")
			.withMessageEndingWith("Delete or rename one of them");
	}

	@Test
	void settingsOutsideEnvironmentsInTheProjectFileAreExplained() {
		Path file = write("confiture.yaml", "database_url: postgresql://localhost/app\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessage(file + ":1: The settings are not under 'environments:'")
			.satisfies((ex) -> assertThat(ex.remedy().get("before")).startsWith("Indent them under"))
			.satisfies((ex) -> assertThat(ex.remedy().setting()).isEqualTo(Setting.CONFIG_FILE));
	}

	@Test
	void byteOrderMarkIsTolerated() throws IOException {
		Path file = this.project.resolve("db/environments/local.yaml");
		Files.createDirectories(file.getParent());
		Files.write(file, "\uFEFFtracking_table: with_bom\n".getBytes(StandardCharsets.UTF_8));
		assertThat(this.loader.load(this.project, "local").trackingTable()).isEqualTo("with_bom");
	}

	@Test
	void missingIncludePathNamesThePathAsWrittenAndAsResolved() {
		Path file = write("db/environments/local.yaml", """
				name: local
				includes:
				  - ../schema
				  - ../schemas
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessage(file + ":4: Path '../schemas' in 'includes' does not exist (resolved to "
					+ this.project.resolve("db/schemas") + "). Did you mean 'schema' ("
					+ this.project.resolve("db/schema") + ")? Create the directory or correct the path; paths in "
					+ "'includes' are relative to the directory of this file, "
					+ this.project.resolve("db/environments"))
			.satisfies((ex) -> assertThat(ex.file()).isEqualTo(file))
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(4));
	}

	@Test
	void missingIncludeDirSaysItIsRelativeToTheProjectRoot() {
		Path file = write("db/environments/local.yaml", "include_dirs: [../schema]\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageStartingWith(file + ":1: Path '../schema' in 'include_dirs' does not exist")
			.withMessageEndingWith("paths in 'include_dirs' are relative to the project root, " + this.project);
	}

	@Test
	void missingSchemaDirAndSeedDirAreErrors() {
		write("confiture.yaml", """
				environments:
				  local:
				    schema_dirs: db/tables
				  ci:
				    seeds: db/seeds/ci
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageContaining(":3: Path 'db/tables' in 'schema_dirs' does not exist");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> this.loader.load(this.project, "ci"))
			.withMessageContaining(":5: Path 'db/seeds/ci' in 'seeds' does not exist");
	}

	@Test
	void missingExcludeDirAndMigrationsDirAreAccepted() {
		write("db/environments/local.yaml", """
				exclude_dirs: db/schema/99_none
				migrations_dir: db/nowhere
				""");
		Environment environment = this.loader.load(this.project, "local");
		assertThat(environment.excludeDirectories()).containsExactly(this.project.resolve("db/schema/99_none"));
		assertThat(environment.migrationsDirectory()).isEqualTo(this.project.resolve("db/nowhere"));
	}

	@Test
	void includeDirsAndSchemaDirsTogetherAreAnError() {
		Path file = write("db/environments/local.yaml", """
				include_dirs: db/schema
				schema_dirs: db/schema
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessage(file + ":2: Both 'include_dirs' and 'schema_dirs' are set (they mean the same). "
					+ "Merge the two lists into 'include_dirs'");
	}

	@Test
	void unknownKeySuggestsTheClosestKeyWithItsLine() {
		Path file = write("db/environments/local.yaml", """
				name: local
				include_dir:
				  - ../schema
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessage(file + ":2: Unknown key 'include_dir' in an environment file. Did you mean 'include_dirs'?")
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(2))
			.satisfies((ex) -> assertThat(ex.hint()).isEqualTo("Did you mean 'include_dirs'?"));
	}

	@Test
	void formerKeyNameSuggestsItsReplacement() {
		write("db/environments/local.yaml", "migration_table: history\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageEndingWith(
					"Unknown key 'migration_table' in an environment file. Did you mean 'tracking_table'?");
	}

	@Test
	void unknownKeyWithoutACloseMatchListsTheAllowedKeys() {
		write("db/environments/local.yaml", "superuser_dirs: []\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageEndingWith(":1: Unknown key 'superuser_dirs' in an environment file. Remove it; the keys "
					+ "allowed in an environment file are: name, includes, include_dirs, schema_dirs, exclude_dirs, "
					+ "seeds, database, database_url, migrations_dir, tracking_table, connect_timeout, login_timeout, "
					+ "socket_timeout, tenants, protected, lint, lint_measure, lock_timeout, statement_timeout, "
					+ "lock_retries");
	}

	@Test
	void unknownKeyInTheDatabaseBlockIsAnError() {
		write("db/environments/local.yaml", """
				database:
				  database: app
				  hots: localhost
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageEndingWith(":3: Unknown key 'hots' in the 'database' block. Did you mean 'host'?");
	}

	@Test
	void unknownKeyInAProjectFileEnvironmentIsAnError() {
		write("confiture.yaml", """
				environments:
				  local:
				    name: local
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageContaining(":3: Unknown key 'name' in environment 'local'. Remove it;");
	}

	@Test
	void unknownKeysInTheProjectFileAreErrors() {
		Path file = write("confiture.yaml", """
				project:
				  name: blog
				  version: 2
				environments:
				  local:
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessage(file + ":3: Unknown key 'version' in the 'project' block. Remove it; the keys allowed in "
					+ "the 'project' block are: name, description");
		write("confiture.yaml", """
				environment:
				  local:
				project: {}
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessage(
					file + ":1: Unknown key 'environment' at the top of a project file. Did you mean 'environments'?");
	}

	@Test
	void duplicateKeyIsAnError() {
		write("db/environments/local.yaml", """
				tracking_table: a
				includes: ../schema
				tracking_table: b
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageEndingWith(":3: Key 'tracking_table' appears twice (first on line 1). Remove one of them");
	}

	@Test
	void singleStringIsAcceptedWhereAListIsExpected() {
		write("db/environments/local.yaml", "includes: ../schema\n");
		assertThat(this.loader.load(this.project, "local").includeDirectories())
			.containsExactly(this.project.resolve("db/schema"));
	}

	@Test
	void mappingWhereAListIsExpectedNamesKeyAndExpectedType() {
		Path file = write("db/environments/local.yaml", """
				includes:
				  schema: ../schema
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessage(file + ":2: 'includes' must be a path or a list of them, not a mapping. "
					+ "Write one item per line, as in 'includes:' followed by '  - item'");
	}

	@Test
	void mappingInsideAListIsAnError() {
		write("db/environments/local.yaml", """
				include_dirs:
				  - path: db/schema
				    recursive: true
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageContaining(":2: Each item of 'include_dirs' must be a path, not a mapping");
	}

	@Test
	void listWhereASingleValueIsExpectedIsAnError() {
		Path file = write("db/environments/local.yaml", """
				tracking_table:
				  - a
				  - b
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessage(file + ":2: 'tracking_table' must be a table name, not a list. "
					+ "Write a single value on the same line, as in 'tracking_table: value'");
	}

	@Test
	void databaseThatIsNotAMappingIsAnError() {
		write("db/environments/local.yaml", "database: app_local\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageEndingWith(":1: 'database' must be a mapping of keys to values, not a single value. "
					+ "Indent the entries under it, as in 'database:' followed by '  host: localhost'");
	}

	@Test
	void portThatIsNotANumberIsAnError() {
		Path file = write("db/environments/local.yaml", """
				database:
				  database: app
				  port: abc
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessage(file + ":3: 'port' must be a number from 1 to 65535, not 'abc'. "
					+ "Write a port number, as in 'port: 5432'");
	}

	@Test
	void portOutOfRangeIsAnError() {
		write("db/environments/local.yaml", """
				database:
				  database: app
				  port: 70000
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageContaining(":3: 'port' must be a number from 1 to 65535, not '70000'");
	}

	@Test
	void databaseBlockWithoutDatabaseNameIsAnError() {
		write("db/environments/local.yaml", """
				database:
				  host: localhost
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageEndingWith(":1: The 'database' block names no database. "
					+ "Add the database name under 'database:', as in '  database: myapp_local'");
	}

	@Test
	void databaseBlockAndDatabaseUrlTogetherAreAnError() {
		Path file = write("db/environments/local.yaml", """
				database:
				  database: app
				  password: s3cret
				database_url: postgresql://app:s3cret@localhost/app
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessage(file + ":4: Both 'database_url' and a 'database' block (line 1) are set. Keep only one of "
					+ "them: either database_url, or the database: block with host, port, database, user and password");
	}

	@Test
	void invalidDatabaseUrlIsAnErrorThatHidesThePassword() {
		Path file = write("db/environments/local.yaml", "database_url: mysql://app:s3cret@localhost/app\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessage(file + ":1: 'database_url' is not a PostgreSQL URL: 'mysql://****@localhost/app'. "
					+ "Write a URL such as postgresql://user:password@host:5432/database or "
					+ "jdbc:postgresql://host:5432/database")
			.satisfies((ex) -> assertThat(ex.getCause()).isNull());
	}

	@Test
	void invalidDatabaseUrlWithPasswordParameterHidesIt() {
		write("db/environments/local.yaml", "database_url: \"postgresql:/localhost/app?password=s3cret\"\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageContaining("'postgresql:/localhost/app?password=****'")
			.withMessageNotContaining("s3cret");
	}

	@Test
	void passwordsNeverAppearInToString() {
		write("db/environments/local.yaml", """
				database:
				  database: app
				  user: app
				  password: s3cret
				""");
		write("db/environments/ci.yaml", "database_url: postgresql://app:s3cret@localhost/app\n");
		assertThat(this.loader.load(this.project, "local").toString()).contains("jdbc:postgresql://localhost:5432/app")
			.doesNotContain("s3cret");
		assertThat(this.loader.load(this.project, "ci").toString()).contains("jdbc:postgresql://localhost/app")
			.doesNotContain("s3cret");
	}

	@Test
	void invalidTrackingTableIsAnError() {
		Path file = write("db/environments/local.yaml", "tracking_table: my-table\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessage(file + ":1: 'tracking_table' must be a table name, optionally schema-qualified, not "
					+ "'my-table'. Use letters, digits, '_' and '$' (not first), at most 63 per name, as in "
					+ "confiture_migrations or ops.confiture_migrations");
		write("db/environments/local.yaml", "tracking_table: a.b.c\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageContaining("not 'a.b.c'");
		write("db/environments/local.yaml", "tracking_table: " + "t".repeat(64) + "\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageContaining("'tracking_table' must be a table name");
	}

	@Test
	void trackingTableMayContainDollarSigns() {
		write("db/environments/local.yaml", "tracking_table: app$history\n");
		assertThat(this.loader.load(this.project, "local").trackingTable()).isEqualTo("app$history");
	}

	@Test
	void malformedYamlReportsLineAndColumnWithoutAStackTrace() {
		Path file = write("db/environments/local.yaml", """
				name: local
				includes:
				  - ../schema
				 database_url: postgresql://localhost/app
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageStartingWith(file + ":4: Invalid YAML at column 2: ")
			.withMessageEndingWith("Fix the YAML syntax: indent with spaces (not tabs) and quote values that "
					+ "contain ': ' or ' #'")
			.withMessageNotContaining("\n")
			.satisfies((ex) -> assertThat(ex.line()).isEqualTo(4))
			.satisfies((ex) -> assertThat(ex.getCause()).isNull());
	}

	@Test
	void tabIndentationIsReportedWithItsLine() {
		write("db/environments/local.yaml", "database:\n\tdatabase: app\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageContaining(
					"local.yaml:2: Invalid YAML at column 1: found character '\\t(TAB)' that cannot start any token");
	}

	@Test
	void rootThatIsNotAMappingIsAnError() {
		write("db/environments/local.yaml", "- ../schema\n");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageContaining("local.yaml:1: The file must be a mapping of keys to values, not a list");
	}

	@Test
	void fileThatIsNotUtf8IsAnError() throws IOException {
		Path file = this.project.resolve("db/environments/local.yaml");
		Files.createDirectories(file.getParent());
		Files.write(file, "name: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessage(file + ": The file is not valid UTF-8. Save it with UTF-8 encoding");
	}

	@Test
	void yamlMergeKeysAreRejectedWithAnExplanation() {
		write("confiture.yaml", """
				environments:
				  base: &base
				    tracking_table: shared
				  local:
				    <<: *base
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageContaining(":5: YAML merge keys ('<<') are not supported");
	}

	@Test
	void invalidEnvironmentNameInTheProjectFileIsAnError() {
		write("confiture.yaml", """
				environments:
				  my env:
				""");
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> this.loader.load(this.project, "local"))
			.withMessageEndingWith(":2: Environment name 'my env' is not valid. "
					+ "Use letters, digits, '_' and '-', as in local or production");
	}

	private Path write(String relativePath, String content) {
		Path file = this.project.resolve(relativePath);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return file;
	}

}
