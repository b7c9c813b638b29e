package dev.confiture.core.migrate;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Discovery problems are reported before anything connects: the database here does not
 * exist, so any attempt to connect would fail with {@link Category#DATABASE} instead.
 */
class MigrationDiscoveryTests {

	private static final ConnectionSettings UNREACHABLE = ConnectionSettings.parse("jdbc:postgresql://127.0.0.1:1/none",
			"nobody", "secret");

	@TempDir
	Path migrations;

	@Test
	void unreachableDatabaseIsADatabaseFailure() throws IOException {
		write("001_ok.up.sql", "SELECT 1;");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> migrator().up())
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.DATABASE))
			.withMessageContaining("Could not connect")
			.withMessageNotContaining("secret");
	}

	@Test
	void duplicateVersionsNameBothFilesBeforeConnecting() throws IOException {
		write("001_add_users.up.sql", "SELECT 1;");
		write("1_add_posts.up.sql", "SELECT 1;");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> migrator().up()).satisfies((ex) -> {
			assertThat(ex.category()).isEqualTo(Category.SCHEMA);
			assertThat(ex.getMessage()).contains("version 1 is used by more than one migration")
				.contains("001_add_users.up.sql")
				.contains("1_add_posts.up.sql");
			assertThat(ex.hint()).contains("no database was contacted");
		});
	}

	@Test
	void badFileNamesAreReportedWithTheFixBeforeConnecting() throws IOException {
		write("1-add.sql", "SELECT 1;");
		write("001_x.sql", "SELECT 1;");
		write("V2__flyway_style.sql", "SELECT 1;");
		write("README.md", "not a migration");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> migrator().status()).satisfies((ex) -> {
			assertThat(ex.category()).isEqualTo(Category.SCHEMA);
			assertThat(ex.getMessage()).contains("1-add.sql: not a migration file name")
				.contains("rename it to 001_add.up.sql")
				.contains("001_x.sql: not a migration file name; rename it to 001_x.up.sql")
				.contains("V2__flyway_style.sql")
				.doesNotContain("README");
		});
	}

	@Test
	void downWithoutUpIsReportedBeforeConnecting() throws IOException {
		write("001_a.up.sql", "SELECT 1;");
		write("002_b.down.sql", "SELECT 1;");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> migrator().down(1))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.SCHEMA))
			.withMessageContaining("002_b.down.sql: rollback without its migration; there is no 002_b.up.sql");
	}

	@Test
	void javaMigrationSharingAVersionWithAFileIsADuplicate() throws IOException {
		write("004_sql.up.sql", "SELECT 1;");
		Migrator migrator = Migrator.builder()
			.database(UNREACHABLE)
			.migrationsDirectory(this.migrations)
			.javaMigrationPackages("dev.confiture.core.migrate.testmigrations")
			.build();
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(migrator::up)
			.withMessageContaining("version 4 is used by more than one migration")
			.withMessageContaining("dev.confiture.core.migrate.testmigrations.V004AddAuditTable");
	}

	@Test
	void migrationsAreListedWithoutConnecting() throws IOException {
		write("002_b.up.sql", "SELECT 2;");
		write("002_b.down.sql", "SELECT 0;");
		write("001_a.up.sql", "SELECT 1;");
		List<MigrationInfo> migrations = migrator().migrations();
		assertThat(migrations).extracting(MigrationInfo::displayName).containsExactly("001_a", "002_b");
		assertThat(migrations).extracting(MigrationInfo::reversible).containsExactly(false, true);
		assertThat(migrations.get(0).checksum()).isEqualTo(Checksums.sha256("SELECT 1;"));
	}

	@Test
	void missingDirectoryHoldsNoMigration() {
		Migrator migrator = Migrator.builder()
			.database(UNREACHABLE)
			.migrationsDirectory(this.migrations.resolve("none"))
			.build();
		assertThat(migrator.migrations()).isEmpty();
	}

	@Test
	void javaMigrationsAreFoundInJars(@TempDir Path work) throws Exception {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		Path source = work.resolve("src/jarred/V007Jarred.java");
		Files.createDirectories(source.getParent());
		Files.writeString(source, "package jarred;\n"
				+ "public class V007Jarred implements dev.confiture.core.migrate.JavaMigration {\n"
				+ "  public String version() { return \"007\"; }\n" + "  public String name() { return \"jarred\"; }\n"
				+ "  public void up(Context context) throws Exception { context.execute(\"SELECT 1\"); }\n" + "}\n");
		Path classes = work.resolve("classes");
		Files.createDirectories(classes);
		int result = compiler.run(null, null, null, "-d", classes.toString(), "-classpath",
				System.getProperty("java.class.path"), source.toString());
		assertThat(result).isZero();
		Path jar = work.resolve("migrations.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			out.putNextEntry(new JarEntry("jarred/"));
			out.closeEntry();
			out.putNextEntry(new JarEntry("jarred/V007Jarred.class"));
			out.write(Files.readAllBytes(classes.resolve("jarred/V007Jarred.class")));
			out.closeEntry();
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() },
				getClass().getClassLoader())) {
			Migrator migrator = Migrator.builder()
				.database(UNREACHABLE)
				.javaMigrationPackages("jarred")
				.classLoader(loader)
				.build();
			assertThat(migrator.migrations()).singleElement().satisfies((info) -> {
				assertThat(info.displayName()).isEqualTo("007_jarred");
				assertThat(info.kind()).isEqualTo(MigrationKind.JAVA);
				assertThat(info.reversible()).isFalse();
			});
		}
	}

	@Test
	void checksumIgnoresByteOrderMarkAndLineEndings() {
		String checksum = Checksums.sha256("CREATE TABLE a (id int);\nSELECT 1;\n");
		assertThat(Checksums.sha256("\uFEFFCREATE TABLE a (id int);\r\nSELECT 1;\r\n")).isEqualTo(checksum);
		assertThat(Checksums.sha256("CREATE TABLE a (id int);\rSELECT 1;\r")).isEqualTo(checksum);
		assertThat(Checksums.sha256("CREATE TABLE a (id bigint);\nSELECT 1;\n")).isNotEqualTo(checksum);
		assertThat(checksum).hasSize(64).matches("[0-9a-f]+");
	}

	@Test
	void discoveredChecksumIsTheChecksumOfTheNormalisedText() throws IOException {
		write("001_plain.up.sql", "CREATE TABLE a (id int);\nSELECT 1;\n");
		write("002_crlf.up.sql", "CREATE TABLE a (id int);\r\nSELECT 1;\r\n");
		write("003_bom.up.sql", "\uFEFFCREATE TABLE a (id int);\nSELECT 1;\n");
		write("004_accents.up.sql", "COMMENT ON TABLE a IS 'crème brûlée ✓';\n");
		write("005_bom_cr.up.sql", "\uFEFFCOMMENT ON TABLE a IS 'crème';\rSELECT 1;\r");
		List<MigrationInfo> migrations = migrator().migrations();
		String same = Checksums.sha256("CREATE TABLE a (id int);\nSELECT 1;\n");
		assertThat(migrations).extracting(MigrationInfo::checksum)
			.containsExactly(same, same, same, Checksums.sha256("COMMENT ON TABLE a IS 'crème brûlée ✓';\n"),
					Checksums.sha256("COMMENT ON TABLE a IS 'crème';\nSELECT 1;\n"));
	}

	@Test
	void versionsCompareNumerically() {
		assertThat(MigrationVersion.parse("9")).isLessThan(MigrationVersion.parse("10"));
		assertThat(MigrationVersion.parse("001")).isEqualTo(MigrationVersion.parse("1"));
		assertThat(MigrationVersion.parse("20250112093000")).isGreaterThan(MigrationVersion.parse("999"));
		assertThat(MigrationVersion.parse("1a")).isNull();
		assertThat(MigrationVersion.parse("")).isNull();
	}

	@Test
	void trackingTableNamesAreParsedLikePostgreSql() {
		assertThat(TrackingTable.parse(null).configured()).isEqualTo("confiture_migrations");
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> TrackingTable.parse("a.b.c"))
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.CONFIG));
		assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> TrackingTable.parse("bad name"));
		TrackingTable.Resolved quoted = new TrackingTable.Resolved("My Schema", "History", true);
		assertThat(quoted.sqlName()).isEqualTo("\"My Schema\".\"History\"");
		assertThat(new TrackingTable.Resolved("public", "a", true).lockKey())
			.isNotEqualTo(new TrackingTable.Resolved("public", "b", true).lockKey())
			.isEqualTo(new TrackingTable.Resolved("public", "a", false).lockKey());
	}

	private Migrator migrator() {
		return Migrator.builder().database(UNREACHABLE).migrationsDirectory(this.migrations).build();
	}

	private void write(String name, String content) throws IOException {
		Files.writeString(this.migrations.resolve(name), content, StandardCharsets.UTF_8);
	}

}
