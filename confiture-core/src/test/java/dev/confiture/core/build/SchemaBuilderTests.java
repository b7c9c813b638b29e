package dev.confiture.core.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

import dev.confiture.core.api.Remedy;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.TestProject;
import dev.confiture.core.build.BuildOptions.ExistingObjects;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.sql.SqlExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemaBuilderTests {

	@TempDir
	Path root;

	TestProject project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() {
		this.project = new TestProject(this.root);
		this.database = PostgresServers.shared().createDatabase();
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void buildsSchemaThenSeedsAndRecordsTheBuild() throws SQLException {
		this.project.file("db/schema/10_tables/users.sql", "CREATE TABLE users (id int PRIMARY KEY, name text);");
		this.project.file("db/schema/20_views/names.sql", "CREATE VIEW names AS SELECT name FROM users;");
		this.project.file("db/seeds/common/00_users.sql", "INSERT INTO users VALUES (1, 'alice');");
		this.project.file("db/seeds/development/00_users.sql", "INSERT INTO users VALUES (2, 'bob');");
		BuildResult result = build(BuildOptions.defaults(), "db/schema", "db/seeds/common", "db/seeds/development");
		assertThat(result.statementCount()).isEqualTo(4);
		assertThat(result.seedFiles()).hasSize(2);
		assertThat(queryStrings("SELECT name FROM names ORDER BY name")).containsExactly("alice", "bob");
		assertThat(queryStrings(
				"SELECT environment || ' ' || file_count || ' ' || seed_file_count || ' ' " + "|| (schema_hash = '"
						+ result.schemaHash() + "') || ' ' || (built_by = current_user) FROM confiture_builds"))
			.containsExactly("local 2 2 true true");
	}

	@Test
	void schemaOnlyLeavesSeedsOut() throws SQLException {
		this.project.file("db/schema/10_tables/users.sql", "CREATE TABLE users (id int PRIMARY KEY);");
		this.project.file("db/seeds/common/00_users.sql", "INSERT INTO users VALUES (1);");
		BuildResult result = build(BuildOptions.defaults().withSchemaOnly(true), "db/schema", "db/seeds/common");
		assertThat(result.seedFiles()).isEmpty();
		assertThat(queryStrings("SELECT count(*)::text FROM users")).containsExactly("0");
	}

	@Test
	void failingStatementInThirdFileLeavesNothingBehindAndNamesFileAndLine() throws SQLException {
		this.project.file("db/schema/10_a.sql", "CREATE TABLE a (id int);");
		this.project.file("db/schema/20_b.sql", "CREATE TABLE b (id int);");
		this.project.file("db/schema/30_c.sql",
				"-- third file\nCREATE TABLE c (id int);\n\nCREATE TABLE d (\n  id int REFERENCES missing (id)\n);\n");
		assertThatExceptionOfType(SqlExecutionException.class)
			.isThrownBy(() -> build(BuildOptions.defaults(), "db/schema"))
			.satisfies((ex) -> {
				assertThat(ex.getMessage()).startsWith("db/schema/30_c.sql:4: relation \"missing\" does not exist");
				assertThat(ex.getMessage()).contains("SQLSTATE 42P01");
				assertThat(ex.source()).isEqualTo("db/schema/30_c.sql");
				assertThat(ex.category()).isEqualTo(Category.SCHEMA);
				assertThat(ex.hint()).contains("Nothing was changed");
			});
		assertThat(userTables()).isEmpty();
	}

	@Test
	void syntaxErrorPointsAtTheLineInsideTheStatement() {
		this.project.file("db/schema/10_a.sql", "CREATE TABLE a (\n  id int,\n  name txet oops\n);");
		assertThatExceptionOfType(SqlExecutionException.class)
			.isThrownBy(() -> build(BuildOptions.defaults(), "db/schema"))
			.withMessageStartingWith("db/schema/10_a.sql:3: ");
	}

	@Test
	void dollarQuotedFunctionBodiesAndDoBlocksRunWhole() throws SQLException {
		this.project.file("db/schema/10_tables/t.sql", "CREATE TABLE t (id int);");
		this.project.file("db/schema/30_functions/f.sql", """
				CREATE FUNCTION add_one(x int) RETURNS int LANGUAGE plpgsql AS $body$
				BEGIN
				    INSERT INTO t VALUES (x); -- a semicolon; inside
				    RETURN x + 1;
				END;
				$body$;

				DO $$
				BEGIN
				    PERFORM add_one(41);
				    RAISE NOTICE 'done; really';
				END
				$$;
				""");
		build(BuildOptions.defaults(), "db/schema");
		assertThat(queryStrings("SELECT id::text FROM t")).containsExactly("41");
	}

	@Test
	void copyFromStdinSeedIsLoaded() throws SQLException {
		this.project.file("db/schema/10_tables/users.sql", "CREATE TABLE users (id int, name text);");
		this.project.file("db/seeds/common/00_users.sql", """
				COPY users (id, name) FROM stdin;
				1	alice; the first
				2	bob 'quoted'
				\\.
				INSERT INTO users VALUES (3, 'carol');
				""");
		build(BuildOptions.defaults(), "db/schema", "db/seeds/common");
		assertThat(queryStrings("SELECT name FROM users ORDER BY id")).containsExactly("alice; the first",
				"bob 'quoted'", "carol");
	}

	@Test
	void crlfAndBomFilesBuild() throws SQLException {
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] body = "CREATE TABLE a (id int);\r\nCREATE TABLE \"é\" (id int);\r\n".getBytes(StandardCharsets.UTF_8);
		byte[] content = new byte[bom.length + body.length];
		System.arraycopy(bom, 0, content, 0, bom.length);
		System.arraycopy(body, 0, content, bom.length, body.length);
		this.project.bytes("db/schema/10_a.sql", content);
		build(BuildOptions.defaults(), "db/schema");
		assertThat(userTables()).containsExactly("a", "confiture_builds", "é");
	}

	@Test
	void nonEmptyDatabaseIsRefusedNamingWhatIsThere() throws SQLException {
		execute("CREATE TABLE legacy (id int)");
		this.project.file("db/schema/10_a.sql", "CREATE TABLE a (id int);");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> build(BuildOptions.defaults(), "db/schema"))
			.withMessageContaining("is not empty: it has table public.legacy")
			.satisfies((ex) -> assertThat(ex.remedy()).isEqualTo(Remedy.of(Remedy.Kind.NON_EMPTY_DATABASE)));
		assertThat(userTables()).containsExactly("legacy");
	}

	@Test
	void ifEmptySkipsQuietlyOnANonEmptyDatabase() throws SQLException {
		execute("CREATE TABLE legacy (id int)");
		this.project.file("db/schema/10_a.sql", "CREATE TABLE a (id int);");
		BuildResult result = build(BuildOptions.defaults().withExisting(ExistingObjects.SKIP), "db/schema");
		assertThat(result.skipped()).isTrue();
		assertThat(result.skippedReason()).contains("public.legacy");
		assertThat(userTables()).containsExactly("legacy");
	}

	@Test
	void dropExistingDropsUserSchemasInTheSameTransaction() throws SQLException {
		execute("CREATE TABLE legacy (id int); CREATE SCHEMA app; CREATE TABLE app.old (id int)");
		this.project.file("db/schema/10_a.sql", "CREATE TABLE a (id int);");
		List<String> announced = new ArrayList<>();
		BuildListener listener = new BuildListener() {
			@Override
			public void dropping(List<String> schemas) {
				announced.addAll(schemas);
			}
		};
		BuildResult result = new SchemaBuilder(listener, BaselineRecorder.NONE).build("local", sources("db/schema"),
				this.database.settings(), null, BuildOptions.defaults().withExisting(ExistingObjects.DROP));
		assertThat(announced).containsExactly("app", "public");
		assertThat(result.droppedSchemas()).containsExactly("app", "public");
		assertThat(userTables()).containsExactly("a", "confiture_builds");
		assertThat(queryStrings("SELECT nspname FROM pg_namespace WHERE nspname = 'app'")).isEmpty();
	}

	@Test
	void failedBuildWithDropExistingKeepsTheOldObjects() throws SQLException {
		execute("CREATE TABLE legacy (id int)");
		this.project.file("db/schema/10_a.sql", "CREATE TABLE a (id int REFERENCES nope);");
		assertThatExceptionOfType(SqlExecutionException.class)
			.isThrownBy(() -> build(BuildOptions.defaults().withExisting(ExistingObjects.DROP), "db/schema"));
		assertThat(userTables()).containsExactly("legacy");
	}

	@Test
	void buildsRecordInTheTrackingTablesSchema() throws SQLException {
		this.project.file("db/schema/10_a.sql", "CREATE TABLE a (id int);");
		new SchemaBuilder(BuildListener.NONE, BaselineRecorder.NONE).build("local", sources("db/schema"),
				this.database.settings(), "confiture", BuildOptions.defaults());
		assertThat(queryStrings("SELECT count(*)::text FROM confiture.confiture_builds")).containsExactly("1");
	}

	@Test
	void baselineRunsInsideTheBuildTransaction() throws SQLException {
		this.project.file("db/schema/10_a.sql", "CREATE TABLE a (id int);");
		BaselineRecorder failing = (connection) -> {
			try (Statement statement = connection.createStatement()) {
				statement.execute("SELECT * FROM no_such_tracking_table");
			}
			return List.of();
		};
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> new SchemaBuilder(BuildListener.NONE, failing).build("local", sources("db/schema"),
					this.database.settings(), null, BuildOptions.defaults()))
			.withMessageContaining("no_such_tracking_table")
			.satisfies((ex) -> assertThat(ex.hint()).contains("Nothing was changed"));
		assertThat(userTables()).isEmpty();
	}

	@Test
	void unreachableDatabaseIsADatabaseError() {
		this.project.file("db/schema/10_a.sql", "CREATE TABLE a (id int);");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> new SchemaBuilder(BuildListener.NONE, BaselineRecorder.NONE).build("local",
					sources("db/schema"),
					new dev.confiture.core.config.ConnectionSettings("jdbc:postgresql://127.0.0.1:1/x?connectTimeout=2",
							"someone", "hunter2"),
					null, BuildOptions.defaults()))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.DATABASE))
			.withMessageContaining("Could not connect")
			.withMessageNotContaining("hunter2");
	}

	@Test
	void outputWritesTheOrderedScriptWithoutADatabase() throws Exception {
		this.project.file("db/schema/2_b.sql", "CREATE TABLE b (id int);");
		this.project.file("db/schema/10_c.sql", "CREATE TABLE c (id int);");
		Path output = this.root.resolve("out/schema.sql");
		new SchemaBuilder(BuildListener.NONE, BaselineRecorder.NONE).write("local", sources("db/schema"),
				BuildOptions.defaults(), output);
		String script = Files.readString(output);
		assertThat(script.indexOf("CREATE TABLE b")).isLessThan(script.indexOf("CREATE TABLE c"));
		assertThat(script).contains("-- ==== db/schema/2_b.sql ====").contains("-- Files: 2");
	}

	private BuildResult build(BuildOptions options, String... includes) {
		return new SchemaBuilder(BuildListener.NONE, BaselineRecorder.NONE).build("local", sources(includes),
				this.database.settings(), null, options);
	}

	private SchemaSources sources(String... includes) {
		return SchemaSources.discover(this.root, List.of(includes).stream().map(this.root::resolve).toList(), List.of(),
				List.of());
	}

	private List<String> userTables() throws SQLException {
		return queryStrings("SELECT relname::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
				+ "WHERE relkind = 'r' AND nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY relname COLLATE \"C\"");
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private List<String> queryStrings(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

}
