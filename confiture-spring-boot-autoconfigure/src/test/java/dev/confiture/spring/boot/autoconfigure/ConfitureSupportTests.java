package dev.confiture.spring.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.spring.boot.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for resources in jars, native hints, configuration metadata and the failure report.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfitureSupportTests {

	@Test
	void schemaFilesAreReadFromInsideAPackagedJar(@TempDir Path temp) throws IOException {
		Path jar = temp.resolve("app.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
			for (String directory : new String[] { "BOOT-INF/", "BOOT-INF/classes/", "BOOT-INF/classes/db/",
					"BOOT-INF/classes/db/schema/", "BOOT-INF/classes/db/schema/10_tables/",
					"BOOT-INF/classes/db/schema/20_views/" }) {
				out.putNextEntry(new JarEntry(directory));
				out.closeEntry();
			}
			entry(out, "BOOT-INF/classes/db/schema/10_tables/users.sql", "CREATE TABLE users (id int);");
			entry(out, "BOOT-INF/classes/db/schema/20_views/names.sql", "CREATE VIEW names AS SELECT id FROM users;");
		}
		try (URLClassLoader loader = new URLClassLoader(new URL[] { new URL("jar:" + jar.toUri() + "!/BOOT-INF/classes/") },
				null); ConfitureResources resources = new ConfitureResources(
						new PathMatchingResourcePatternResolver(new DefaultResourceLoader(loader)))) {
			Path schema = resources.copy("classpath:db/schema", true);
			assertThat(schema).isEqualTo(resources.root().resolve("db/schema"));
			assertThat(schema.resolve("10_tables/users.sql")).hasContent("CREATE TABLE users (id int);");
			assertThat(schema.resolve("20_views/names.sql")).exists();
		}
	}

	@Test
	void resourcesAreDeletedOnClose() {
		ConfitureResources resources = new ConfitureResources(null);
		Path schema = resources.copy("classpath:db/schema", true);
		assertThat(schema.resolve("10_tables/10_author.sql")).exists();
		resources.close();
		assertThat(resources.root()).doesNotExist();
	}

	@Test
	void runtimeHintsCoverTheDefaultLocations() {
		RuntimeHints hints = new RuntimeHints();
		new ConfitureRuntimeHints().registerHints(hints, getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("db/schema/10_tables/users.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/001_x.up.sql")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("db/seeds/common/00_x.sql")).accepts(hints);
	}

	@Test
	void javaMigrationClassesGetReflectionHintsAheadOfTime() {
		org.springframework.beans.factory.support.DefaultListableBeanFactory beanFactory = new org.springframework.beans.factory.support.DefaultListableBeanFactory();
		org.springframework.mock.env.MockEnvironment environment = new org.springframework.mock.env.MockEnvironment()
			.withProperty("confiture.java-migrations-package", "dev.confiture.spring.boot.testmigrations");
		beanFactory.registerSingleton("environment", environment);
		assertThat(ConfitureJavaMigrationsAotProcessor.javaMigrationClasses(beanFactory))
			.containsExactly("dev.confiture.spring.boot.testmigrations.V005SeedReviewer");
		RuntimeHints hints = new RuntimeHints();
		org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution contribution = new ConfitureJavaMigrationsAotProcessor()
			.processAheadOfTime(beanFactory);
		assertThat(contribution).isNotNull();
		org.springframework.aot.test.generate.TestGenerationContext generation = new org.springframework.aot.test.generate.TestGenerationContext();
		contribution.applyTo(generation, null);
		assertThat(RuntimeHintsPredicates.reflection()
			.onType(org.springframework.aot.hint.TypeReference.of("dev.confiture.spring.boot.testmigrations.V005SeedReviewer")))
			.accepts(generation.getRuntimeHints());
	}

	@Test
	void configurationMetadataDescribesTheProperties() throws IOException {
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).isNotNull();
			String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(metadata).contains("\"confiture.mode\"", "\"confiture.lock-wait\"", "\"confiture.seed-profiles\"",
					"\"confiture.coordination.url\"", "Maximum time to wait for the migration lock");
		}
	}

	@Test
	void failedStartupPrintsTheFailureAnalysis(CapturedOutput output) throws Exception {
		try (ScratchDatabase database = PostgresServers.shared().createDatabase()) {
			try (java.sql.Connection connection = database.connect();
					java.sql.Statement statement = connection.createStatement()) {
				statement.execute("CREATE TABLE author (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
						+ "name TEXT NOT NULL UNIQUE); CREATE TABLE book (id BIGINT GENERATED BY DEFAULT AS IDENTITY "
						+ "PRIMARY KEY, author_id BIGINT NOT NULL REFERENCES author (id), title TEXT NOT NULL)");
			}
			SpringApplication application = new SpringApplication(TestApplication.class);
			application.setWebApplicationType(WebApplicationType.NONE);
			assertThatException().isThrownBy(() -> application.run("--spring.datasource.url=" + database.settings().jdbcUrl(),
					"--spring.datasource.username=" + database.settings().user(),
					"--spring.datasource.password=top-secret", "--spring.main.banner-mode=off",
					"--confiture.mode=migrate", "--confiture.migration-locations=classpath:broken/migrations"));
			assertThat(output).contains("APPLICATION FAILED TO START")
				.contains("Confiture could not initialize the database")
				.contains("\nbroken/migrations/002_broken.up.sql:3: relation \"nowhere\" does not exist (SQLSTATE 42P01)")
				.contains("Fix broken/migrations/002_broken.up.sql")
				.doesNotContain("top-secret");
		}
	}

	private static void entry(JarOutputStream out, String name, String content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		out.write(content.getBytes(StandardCharsets.UTF_8));
		out.closeEntry();
	}

}
