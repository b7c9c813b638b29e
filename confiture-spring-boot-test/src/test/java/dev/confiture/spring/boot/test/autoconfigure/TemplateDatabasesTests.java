package dev.confiture.spring.boot.test.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.config.Environment;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.TemplateSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link TemplateDatabases}.
 */
class TemplateDatabasesTests {

	private final PostgresServer server = PostgresServers.shared();

	@TempDir
	private Path project;

	@Test
	void templateIsBuiltOnceAndClonedManyTimes() throws Exception {
		TemplateDefinition definition = project("tables", "seeds");
		TemplateDatabases templates = new TemplateDatabases(this.server);
		String name = templates.ensure(definition);
		assertThat(templates.ensure(definition)).isEqualTo(name);
		try (ScratchDatabase first = templates.create(definition);
				ScratchDatabase second = templates.create(definition)) {
			assertThat(first.name()).isNotEqualTo(second.name());
			assertThat(query(first, "SELECT name FROM item")).containsExactly("seeded");
			assertThat(query(second, "SELECT version || ' ' || kind FROM confiture_migrations"))
				.containsExactly("001 baseline");
		}
		assertThat(templates.events(name)).containsExactly("built");
	}

	@Test
	void templateOfSchemaFilesMissingAMigrationIsRefusedUnlessTheProofIsOff() throws Exception {
		TemplateDefinition definition = project("tables", "seeds");
		Files.writeString(this.project.resolve("migrations/002_item_price.up.sql"),
				"ALTER TABLE item ADD COLUMN price numeric;\n");
		TemplateDatabases templates = new TemplateDatabases(this.server);
		TemplateDefinition proven = project("tables", "seeds");
		assertThatExceptionOfType(dev.confiture.core.api.ConfitureException.class)
			.isThrownBy(() -> templates.ensure(proven))
			.withMessageContaining(
					"002_item_price (migrations/002_item_price.up.sql) adds column public.item.price numeric")
			.withMessageNotContaining("001_item (");
		TemplateDefinition unproven = new TemplateDefinition(definition.environment(), TemplateSource.SCHEMA, List.of(),
				getClass().getClassLoader(), false);
		try (ScratchDatabase clone = templates.create(unproven)) {
			assertThat(query(clone, "SELECT count(*)::text FROM confiture_migrations")).containsExactly("2");
		}
	}

	@Test
	void editedSchemaMakesANewTemplateAndDropsTheStaleOne() throws Exception {
		TemplateDatabases templates = new TemplateDatabases(this.server);
		TemplateDefinition original = project("tables", "seeds");
		String originalName = templates.ensure(original);
		TemplateDefinition otherVariant = project("tables", "other-seeds");
		String otherVariantName = templates.ensure(otherVariant);
		Files.writeString(this.project.resolve("tables/10_item.sql"), "ALTER TABLE item ADD COLUMN price numeric;\n",
				java.nio.file.StandardOpenOption.APPEND);
		TemplateDefinition edited = project("tables", "seeds");
		String editedName = templates.ensure(edited);
		assertThat(editedName).isNotEqualTo(originalName);
		assertThat(edited.variant()).isEqualTo(original.variant()).isNotEqualTo(otherVariant.variant());
		assertThat(templates.events(editedName)).containsExactly("built");
		assertThat(templates.templateNames()).contains(editedName, otherVariantName).doesNotContain(originalName);
		try (ScratchDatabase clone = templates.create(edited)) {
			assertThat(query(clone, "SELECT column_name::text FROM information_schema.columns "
					+ "WHERE table_name = 'item' AND column_name = 'price'"))
				.containsExactly("price");
		}
	}

	@Test
	void droppedTemplateIsBuiltAgainOnTheNextClone() throws Exception {
		TemplateDefinition definition = project("tables", "seeds");
		TemplateDatabases templates = new TemplateDatabases(this.server);
		String name = templates.ensure(definition);
		try (Connection admin = this.server.connect(this.server.adminDatabase());
				Statement statement = admin.createStatement()) {
			statement.execute("ALTER DATABASE " + name + " WITH IS_TEMPLATE false");
			statement.execute("DROP DATABASE " + name);
		}
		try (ScratchDatabase clone = templates.create(definition)) {
			assertThat(query(clone, "SELECT name FROM item")).containsExactly("seeded");
		}
		assertThat(templates.events(name)).containsExactly("built", "built");
	}

	@Test
	void concurrentJvmsBuildATemplateOnce() throws Exception {
		TemplateDefinition definition = project("tables", "seeds");
		int jvms = 4;
		List<TemplateDatabases> instances = new ArrayList<>();
		for (int i = 0; i < jvms; i++) {
			instances.add(new TemplateDatabases(this.server));
		}
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(jvms);
		try {
			List<Future<String>> names = new ArrayList<>();
			for (TemplateDatabases templates : instances) {
				names.add(executor.submit(() -> {
					start.await();
					return templates.ensure(definition);
				}));
			}
			start.countDown();
			String name = names.get(0).get(60, TimeUnit.SECONDS);
			List<String> events = new ArrayList<>();
			for (int i = 0; i < jvms; i++) {
				assertThat(names.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(name);
				events.addAll(instances.get(i).events(name));
			}
			assertThat(events).containsExactlyInAnyOrder("built", "found", "found", "found");
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Test
	void migrationsTemplateReplaysTheMigrations() throws Exception {
		TemplateDefinition definition = project("tables", "seeds").withSource(TemplateSource.MIGRATIONS);
		TemplateDatabases templates = new TemplateDatabases(this.server);
		try (ScratchDatabase clone = templates.create(definition)) {
			assertThat(query(clone, "SELECT version || ' ' || kind FROM confiture_migrations"))
				.containsExactly("001 sql");
			assertThat(query(clone, "SELECT name FROM item")).containsExactly("seeded");
		}
		assertThat(definition.databaseName()).isNotEqualTo(project("tables", "seeds").databaseName());
	}

	private TemplateDefinition project(String schemaDirectory, String seedDirectory) throws IOException {
		Path schema = Files.createDirectories(this.project.resolve(schemaDirectory));
		Path item = schema.resolve("10_item.sql");
		if (!Files.exists(item)) {
			// unique per test so that no other test (or run) has built this template
			// already
			Files.writeString(item,
					"-- " + UUID.randomUUID() + "\nCREATE TABLE item (id int PRIMARY KEY, name text);\n");
		}
		Path seeds = Files.createDirectories(this.project.resolve(seedDirectory));
		Files.writeString(seeds.resolve("00_item.sql"), "INSERT INTO item VALUES (1, 'seeded');\n");
		Path migrations = Files.createDirectories(this.project.resolve("migrations"));
		Files.writeString(migrations.resolve("001_item.up.sql"),
				"CREATE TABLE item (id int PRIMARY KEY, name text);\n");
		Environment environment = new Environment("test", null, this.project, List.of(schema), List.of(),
				List.of(seeds), null, migrations, "confiture_migrations");
		return new TemplateDefinition(environment, TemplateSource.SCHEMA, List.of(), getClass().getClassLoader());
	}

	private static List<String> query(ScratchDatabase database, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				values.add(result.getString(1));
			}
		}
		return values;
	}

}
