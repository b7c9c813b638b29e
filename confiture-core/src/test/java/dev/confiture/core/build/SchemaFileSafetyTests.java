package dev.confiture.core.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.TestProject;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.sql.SqlExecutionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Schema files are never silently changed or skipped: strict UTF-8, symbolic links
 * followed (dangling ones and loops are errors), and errors point at the real cause and
 * line.
 */
class SchemaFileSafetyTests {

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
	void latin1FileIsRefusedWithFileLineAndEncodingAndNothingIsBuilt() throws SQLException {
		this.project.file("db/schema/10_tables/a.sql", "CREATE TABLE a (id int);\n");
		this.project.bytes("db/schema/20_data/cafe.sql",
				"CREATE TABLE menu (name text);\nINSERT INTO menu VALUES ('caf\u00e9');\n"
					.getBytes(StandardCharsets.ISO_8859_1));
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> build("db/schema")).satisfies((ex) -> {
			assertThat(ex.category()).isEqualTo(Category.SCHEMA);
			assertThat(ex.getMessage())
				.contains("db/schema/20_data/cafe.sql:2: not valid UTF-8 (byte 0xE9 at column 30)")
				.contains("ISO-8859-1");
		});
		assertThat(tables()).isEmpty();
	}

	@Test
	void utf16FileAndNulBytesAreNamed() throws SQLException {
		this.project.bytes("db/schema/a.sql", "CREATE TABLE a (id int);".getBytes(StandardCharsets.UTF_16));
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> build("db/schema"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("db/schema/a.sql:1: is UTF-16 text"));
		this.project.bytes("db/schema/a.sql",
				"CREATE TABLE a (id int);\nSELECT 1;\u0000\n".getBytes(StandardCharsets.UTF_8));
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> build("db/schema"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("db/schema/a.sql:2: contains a NUL byte"));
		assertThat(tables()).isEmpty();
	}

	@Test
	void linkedFolderAndFileAreBuiltAndChangeTheHash() throws IOException, SQLException {
		this.project.file("db/schema/10_tables/a.sql", "CREATE TABLE a (id int);\n");
		this.project.file("shared/tables/b.sql", "CREATE TABLE b (id int);\n");
		this.project.file("shared/c.sql", "CREATE TABLE c (id int);\n");
		String before = sources("db/schema").schemaHash();
		Files.createSymbolicLink(this.root.resolve("db/schema/20_shared"), this.root.resolve("shared/tables"));
		Files.createSymbolicLink(this.root.resolve("db/schema/30_c.sql"), this.root.resolve("shared/c.sql"));
		SchemaSources sources = sources("db/schema");
		assertThat(sources.schemaFiles()).extracting(SchemaFile::relativePath)
			.containsExactly("db/schema/10_tables/a.sql", "db/schema/20_shared/b.sql", "db/schema/30_c.sql");
		assertThat(sources.schemaHash()).isNotEqualTo(before);
		build("db/schema");
		assertThat(tables()).containsExactly("a", "b", "c", "confiture_builds");
	}

	@Test
	void danglingLinkAndLoopAreErrors() throws IOException {
		this.project.file("db/schema/10_tables/a.sql", "CREATE TABLE a (id int);\n");
		Path dangling = Files.createSymbolicLink(this.root.resolve("db/schema/20_gone.sql"),
				this.root.resolve("gone.sql"));
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> sources("db/schema"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("Dangling symbolic link").contains("20_gone.sql"));
		Files.delete(dangling);
		Files.createSymbolicLink(this.root.resolve("db/schema/10_tables/loop"), this.root.resolve("db/schema"));
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> sources("db/schema"))
			.satisfies((ex) -> assertThat(ex.getMessage()).contains("Loop of symbolic links").contains("loop"));
	}

	@Test
	void missingExcludeDirectoryIsWarned() {
		this.project.file("db/schema/10_tables/a.sql", "CREATE TABLE a (id int);\n");
		SchemaSources sources = SchemaSources.discover(this.root, List.of(this.root.resolve("db/schema")),
				List.of(this.root.resolve("db/schema/99_typo")), List.of());
		assertThat(sources.warnings())
			.containsExactly("exclude_dirs entry db/schema/99_typo does not exist, so it excludes nothing");
	}

	@Test
	void errorInsideDoBlockPointsAtTheBodyLine() {
		this.project.file("db/schema/a.sql",
				"CREATE TABLE a (id int);\n\nDO $$\nBEGIN\n  PERFORM 1;\n" + "  RAISE EXCEPTION 'boom';\nEND\n$$;\n");
		assertThatExceptionOfType(SqlExecutionException.class).isThrownBy(() -> build("db/schema")).satisfies((ex) -> {
			assertThat(ex.line()).isEqualTo(6);
			assertThat(ex.getMessage()).contains("db/schema/a.sql:6: boom");
		});
	}

	@Test
	void outOfSharedMemoryBlamesTheServerSettingNotTheFile() throws SQLException {
		// Each transaction-level advisory lock takes a slot of the shared lock table, as
		// each
		// object created by a 10,000-file build does
		this.project.file("db/schema/10_a.sql", "CREATE TABLE a (id int);\n");
		this.project.file("db/schema/20_many.sql",
				"SELECT count(pg_advisory_xact_lock(i)) FROM generate_series(1, 2000000) i;\n");
		assertThatExceptionOfType(SqlExecutionException.class).isThrownBy(() -> build("db/schema")).satisfies((ex) -> {
			assertThat(ex.sqlState()).isEqualTo("53200");
			assertThat(ex.hint()).contains("not a fault of db/schema/20_many.sql")
				.contains("max_locks_per_transaction")
				.contains("Nothing was changed")
				.doesNotContain("Fix db/schema");
		});
		assertThat(tables()).isEmpty();
	}

	private void build(String... includes) {
		new SchemaBuilder(BuildListener.NONE, BaselineRecorder.NONE).build("local", sources(includes),
				this.database.settings(), null, BuildOptions.defaults());
	}

	private SchemaSources sources(String... includes) {
		return SchemaSources.discover(this.root, List.of(includes).stream().map(this.root::resolve).toList(), List.of(),
				List.of());
	}

	private List<String> tables() throws SQLException {
		List<String> tables = new java.util.ArrayList<>();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT relname::text FROM pg_class c JOIN pg_namespace n "
						+ "ON n.oid = c.relnamespace WHERE relkind = 'r' AND nspname = 'public' ORDER BY 1")) {
			while (result.next()) {
				tables.add(result.getString(1));
			}
		}
		return tables;
	}

}
