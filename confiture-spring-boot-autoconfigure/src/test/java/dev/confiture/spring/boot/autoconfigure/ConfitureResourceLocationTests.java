package dev.confiture.spring.boot.autoconfigure;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.confiture.core.Confiture;
import dev.confiture.core.build.SchemaSources;
import dev.confiture.core.config.Environment;
import dev.confiture.core.internal.TemporaryDirectory;
import dev.confiture.core.migrate.MigrationInfo;
import dev.confiture.core.migrate.Migrator;
import dev.confiture.core.resource.SqlResource;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConfitureResourceLocation}: SQL files read in place from classpath
 * directories, jars and {@code file:} locations, on a real PostgreSQL.
 */
class ConfitureResourceLocationTests {

	private ScratchDatabase database;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void setUp() {
		this.database = PostgresServers.shared().createDatabase();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, ConfitureAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.settings().jdbcUrl(),
					"spring.datasource.username=" + this.database.settings().user());
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void classpathDirectoryIsListedInPlaceWithProjectAndDisplayPaths() throws IOException {
		List<SqlResource> files = new ConfitureResources(null).location("classpath:db/schema/").resources();
		assertThat(files).extracting(SqlResource::relativePath)
			.containsExactly("db/schema/10_tables/10_author.sql", "db/schema/10_tables/20_book.sql");
		assertThat(files).extracting(SqlResource::displayPath)
			.containsExactly("classpath:db/schema/10_tables/10_author.sql",
					"classpath:db/schema/10_tables/20_book.sql");
		assertThat(new String(files.get(0).content(), StandardCharsets.UTF_8)).contains("CREATE TABLE author");
	}

	@Test
	void missingLocationHoldsNoFile() {
		assertThat(new ConfitureResources(null).location("classpath:nowhere/at/all").resources()).isEmpty();
	}

	@Test
	void schemaHashAndChecksumsAreTheSameAsFromTheProjectDirectory() throws Exception {
		Path project = Path.of(getClass().getResource("/db").toURI()).getParent();
		ConfitureProperties properties = new ConfitureProperties();
		Environment spring = new ConfitureResources(null).environment(properties, "test");
		assertThat(SchemaSources.discover(spring).schemaHash())
			.isEqualTo(SchemaSources.discover(project, List.of(project.resolve("db/schema")), List.of(), List.of())
				.schemaHash());
		List<MigrationInfo> fromResources = Confiture.of(spring).migrator().build().migrations();
		List<MigrationInfo> fromDirectory = Migrator.builder()
			.migrationsDirectory(project.resolve("db/migrations"))
			.build()
			.migrations();
		assertThat(fromResources).extracting(MigrationInfo::checksum)
			.containsExactlyElementsOf(fromDirectory.stream().map(MigrationInfo::checksum).toList());
		assertThat(fromResources).extracting(MigrationInfo::location)
			.containsExactly("classpath:db/migrations/001_add_book_isbn.up.sql");
	}

	@Test
	void startupFromClasspathDirectoriesCreatesNoTemporaryDirectory() {
		long before = TemporaryDirectory.createdCount();
		this.contextRunner.withPropertyValues("confiture.seed-profiles=common").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(query("SELECT name FROM author")).isNotEmpty();
			assertThat(query("SELECT version || ' ' || kind FROM confiture_migrations"))
				.containsExactly("001 baseline");
		});
		assertThat(TemporaryDirectory.createdCount()).isEqualTo(before);
	}

	@Test
	void filesAreReadFromInsideAPackagedJar(@TempDir Path temp) throws Exception {
		Path jar = temp.resolve("app.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			entry(out, "BOOT-INF/classes/jardb/schema/10_tables/users.sql", "CREATE TABLE users (id int);\n");
			entry(out, "BOOT-INF/classes/jardb/schema/20_views/names.sql",
					"CREATE VIEW names AS SELECT id FROM users;\n\nCREATE VIEW broken AS SELECT x FROM nowhere;\n");
			entry(out, "BOOT-INF/classes/jardb/schema/.hidden/skipped.sql", "not sql at all");
			entry(out, "BOOT-INF/classes/jardb/migrations/001_add_name.up.sql",
					"ALTER TABLE users ADD COLUMN name text;\n");
			entry(out, "BOOT-INF/classes/jardb/migrations/002_broken.up.sql",
					"-- fails\nSELECT 1;\nALTER TABLE nowhere ADD COLUMN x int;\n");
		}
		long before = TemporaryDirectory.createdCount();
		try (URLClassLoader loader = new URLClassLoader(
				new URL[] { new URL("jar:" + jar.toUri() + "!/BOOT-INF/classes/") }, getClass().getClassLoader())) {
			ConfitureResources resources = new ConfitureResources(
					new PathMatchingResourcePatternResolver(new DefaultResourceLoader(loader)));
			List<SqlResource> schema = resources.location("classpath:jardb/schema").resources();
			assertThat(schema).extracting(SqlResource::displayPath)
				.containsExactly("classpath:jardb/schema/10_tables/users.sql",
						"classpath:jardb/schema/20_views/names.sql");
			assertThat(new String(schema.get(0).content(), StandardCharsets.UTF_8))
				.isEqualTo("CREATE TABLE users (id int);\n");
			this.contextRunner.withClassLoader(loader)
				.withPropertyValues("confiture.schema-locations=classpath:jardb/schema",
						"confiture.migration-locations=classpath:jardb/migrations")
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new ConfitureFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("classpath:jardb/schema/20_views/names.sql:3")
						.contains("relation \"nowhere\" does not exist")
						.doesNotContain("skipped.sql");
				});
		}
		// the build of the whole schema is one transaction: nothing was left behind
		assertThat(query("SELECT count(*)::text FROM pg_class WHERE relname IN ('users', 'names')"))
			.containsExactly("0");
		assertThat(TemporaryDirectory.createdCount()).isEqualTo(before);
	}

	@Test
	void migrationsFromAJarAreAppliedAndAFailureNamesTheJarResource(@TempDir Path temp) throws Exception {
		Path jar = temp.resolve("migrations.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			entry(out, "jarmigrations/002_add_author_bio.up.sql", "ALTER TABLE author ADD COLUMN bio text;\n");
			entry(out, "jarmigrations/003_broken.up.sql", "SELECT 1;\n\nALTER TABLE nowhere ADD COLUMN x int;\n");
		}
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		try (URLClassLoader loader = new URLClassLoader(new URL[] { jar.toUri().toURL() },
				getClass().getClassLoader())) {
			this.contextRunner.withClassLoader(loader)
				.withPropertyValues("confiture.migration-locations=classpath:db/migrations,classpath:jarmigrations")
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new ConfitureFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("classpath:jarmigrations/003_broken.up.sql:3")
						.contains("relation \"nowhere\" does not exist");
				});
		}
		assertThat(query("SELECT version FROM confiture_migrations ORDER BY 1")).containsExactly("001", "002");
		assertThat(query("SELECT column_name::text FROM information_schema.columns WHERE table_name = 'author' "
				+ "AND column_name = 'bio'"))
			.containsExactly("bio");
	}

	@Test
	void fileLocationsAreMergedWithClasspathLocationsAndKeepTheirLeadingSlash(@TempDir Path temp) throws Exception {
		Path more = Files.createDirectories(temp.resolve("more"));
		Files.writeString(more.resolve("002_add_author_bio.up.sql"), "ALTER TABLE author ADD COLUMN bio text;\n");
		Files.writeString(more.resolve("003_broken.up.sql"), "-- one\n-- two\nALTER TABLE nowhere ADD COLUMN x int;\n");
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		String location = "file:" + more.toAbsolutePath();
		long before = TemporaryDirectory.createdCount();
		this.contextRunner.withPropertyValues("confiture.migration-locations=classpath:db/migrations," + location)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ConfitureFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(location).startsWith("file:/");
				assertThat(analysis.getDescription()).contains(location + "/003_broken.up.sql:3");
			});
		assertThat(query("SELECT version FROM confiture_migrations ORDER BY 1")).containsExactly("001", "002");
		Files.delete(more.resolve("003_broken.up.sql"));
		this.contextRunner.withPropertyValues("confiture.migration-locations=classpath:db/migrations," + location)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				Confiture confiture = context.getBean(Confiture.class);
				assertThat(confiture.migrator().build().migrations()).extracting(MigrationInfo::location)
					.containsExactly("classpath:db/migrations/001_add_book_isbn.up.sql",
							location + "/002_add_author_bio.up.sql");
			});
		assertThat(TemporaryDirectory.createdCount()).isEqualTo(before);
	}

	@Test
	void sameFileNameInTwoLocationsIsRefusedBeforeAnythingRuns(@TempDir Path temp) throws Exception {
		Path copy = Files.createDirectories(temp.resolve("copy"));
		Files.writeString(copy.resolve("001_add_book_isbn.up.sql"), "ALTER TABLE book ADD COLUMN isbn2 text;\n");
		this.contextRunner
			.withPropertyValues("confiture.mode=migrate",
					"confiture.migration-locations=classpath:db/migrations,file:" + copy.toAbsolutePath())
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ConfitureFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.contains("file:" + copy.toAbsolutePath() + "/001_add_book_isbn.up.sql")
					.contains("classpath:db/migrations/001_add_book_isbn.up.sql has the same name");
			});
		assertThat(query("SELECT count(*)::text FROM pg_class WHERE relname IN ('book', 'confiture_migrations')"))
			.containsExactly("0");
	}

	@Test
	void schemaErrorNamesTheClasspathFileAndLine() {
		this.contextRunner.withPropertyValues("confiture.schema-locations=classpath:broken-schema").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new ConfitureFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("classpath:broken-schema/10_tables/10_author.sql:3");
		});
		assertThat(query("SELECT count(*)::text FROM pg_class WHERE relname = 'author'")).containsExactly("0");
	}

	/** Writes a file and, as jar tools do, the entries of its directories first. */
	private static void entry(JarOutputStream out, String name, String content) throws IOException {
		String[] segments = name.split("/");
		StringBuilder directory = new StringBuilder();
		for (int i = 0; i < segments.length - 1; i++) {
			directory.append(segments[i]).append('/');
			try {
				out.putNextEntry(new JarEntry(directory.toString()));
				out.closeEntry();
			}
			catch (java.util.zip.ZipException ex) {
				// written with an earlier file
			}
		}
		out.putNextEntry(new JarEntry(name));
		out.write(content.getBytes(StandardCharsets.UTF_8));
		out.closeEntry();
	}

	private List<String> query(String sql) {
		List<String> values = new ArrayList<>();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return values;
	}

}
