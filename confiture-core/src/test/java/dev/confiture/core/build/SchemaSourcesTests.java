package dev.confiture.core.build;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.TestProject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class SchemaSourcesTests {

	@TempDir
	Path root;

	TestProject project;

	@BeforeEach
	void setUp() {
		this.project = new TestProject(this.root);
	}

	@Test
	void filesAreOrderedBySegmentsWithNumbersComparedNumerically() {
		this.project.file("db/schema/10_tables/users.sql", "CREATE TABLE users (id int);");
		this.project.file("db/schema/10_tables/2_posts.sql", "CREATE TABLE posts (id int);");
		this.project.file("db/schema/10_tables/10_comments.sql", "CREATE TABLE comments (id int);");
		this.project.file("db/schema/2_types/mood.sql", "CREATE TYPE mood AS ENUM ('ok');");
		this.project.file("db/schema/00_common/nested/deep/ext.sql", "SELECT 1;");
		this.project.file("db/schema/README.md", "not sql");
		this.project.file("db/schema/.hidden/skip.sql", "SELECT 1;");
		assertThat(paths(discover("db/schema").schemaFiles())).containsExactly(
				"db/schema/00_common/nested/deep/ext.sql", "db/schema/2_types/mood.sql",
				"db/schema/10_tables/2_posts.sql", "db/schema/10_tables/10_comments.sql",
				"db/schema/10_tables/users.sql");
	}

	@Test
	void seedFilesAreRecognisedByTheirFolderAndComeAfterTheSchema() {
		this.project.file("db/schema/10_tables/users.sql", "CREATE TABLE users (id int);");
		this.project.file("db/seeds/common/00_users.sql", "INSERT INTO users VALUES (1);");
		this.project.file("db/seeds/development/00_more.sql", "INSERT INTO users VALUES (2);");
		this.project.file("db/schema/90_seed_data/x.sql", "INSERT INTO users VALUES (3);");
		this.project.file("db/schema/80_seedling/y.sql", "CREATE TABLE seedling (id int);");
		SchemaSources sources = discover("db/schema", "db/seeds/common", "db/seeds/development");
		assertThat(paths(sources.schemaFiles())).containsExactly("db/schema/10_tables/users.sql",
				"db/schema/80_seedling/y.sql");
		assertThat(paths(sources.seedFiles())).containsExactly("db/schema/90_seed_data/x.sql",
				"db/seeds/common/00_users.sql", "db/seeds/development/00_more.sql");
	}

	@Test
	void excludedDirectoriesAreLeftOut() {
		this.project.file("db/schema/10_tables/users.sql", "CREATE TABLE users (id int);");
		this.project.file("db/schema/99_legacy/old.sql", "CREATE TABLE old (id int);");
		SchemaSources sources = SchemaSources.discover(this.root, List.of(this.root.resolve("db/schema")),
				List.of(this.root.resolve("db/schema/99_legacy")), List.of());
		assertThat(paths(sources.schemaFiles())).containsExactly("db/schema/10_tables/users.sql");
	}

	@Test
	void overlappingIncludesListAFileOnce() {
		this.project.file("db/schema/10_tables/users.sql", "CREATE TABLE users (id int);");
		assertThat(discover("db/schema", "db/schema/10_tables").schemaFiles()).hasSize(1);
	}

	@Test
	void noSqlFilesIsAnErrorNamingWhereItLooked() {
		this.project.directory("db/schema/10_tables");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> discover("db/schema"))
			.withMessage("No SQL files found in db/schema")
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(ConfitureException.Category.SCHEMA))
			.satisfies((ex) -> assertThat(ex.hint()).contains("db/schema/"));
	}

	@Test
	void missingIncludeDirectoryIsAnError() {
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> discover("db/nope"))
			.withMessageContaining("Schema directory not found")
			.withMessageContaining("db/nope");
	}

	@Test
	void hashIsStableForTheSameTree() {
		writeSchema();
		assertThat(discover("db/schema").schemaHash()).isEqualTo(discover("db/schema").schemaHash()).hasSize(64);
	}

	@Test
	void hashChangesWithOneByteARenameOrANewFile() throws Exception {
		writeSchema();
		String original = discover("db/schema").schemaHash();
		this.project.file("db/schema/10_tables/users.sql", "CREATE TABLE users (id bigint);");
		String edited = discover("db/schema").schemaHash();
		assertThat(edited).isNotEqualTo(original);
		Files.move(this.root.resolve("db/schema/10_tables/users.sql"),
				this.root.resolve("db/schema/10_tables/people.sql"));
		String renamed = discover("db/schema").schemaHash();
		assertThat(renamed).isNotEqualTo(edited);
		this.project.file("db/schema/10_tables/zz.sql", "");
		assertThat(discover("db/schema").schemaHash()).isNotEqualTo(renamed);
	}

	@Test
	void hashIgnoresLineEndingsAndByteOrderMark() {
		this.project.file("db/schema/a.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n");
		String unix = discover("db/schema").schemaHash();
		byte[] bom = { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF };
		byte[] crlf = "CREATE TABLE a (id int);\r\nCREATE TABLE b (id int);\r\n".getBytes(StandardCharsets.UTF_8);
		byte[] both = new byte[bom.length + crlf.length];
		System.arraycopy(bom, 0, both, 0, bom.length);
		System.arraycopy(crlf, 0, both, bom.length, crlf.length);
		this.project.bytes("db/schema/a.sql", both);
		assertThat(discover("db/schema").schemaHash()).isEqualTo(unix);
	}

	private void writeSchema() {
		this.project.file("db/schema/00_common/ext.sql", "SELECT 1;");
		this.project.file("db/schema/10_tables/users.sql", "CREATE TABLE users (id int);");
	}

	private SchemaSources discover(String... includes) {
		return SchemaSources.discover(this.root, List.of(includes).stream().map(this.root::resolve).toList(), List.of(),
				List.of());
	}

	private static List<String> paths(List<SchemaFile> files) {
		return files.stream().map(SchemaFile::relativePath).toList();
	}

}
