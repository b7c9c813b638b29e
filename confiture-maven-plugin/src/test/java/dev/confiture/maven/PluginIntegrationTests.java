package dev.confiture.maven;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.maven.MavenBuild.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Maven builds of the sample project {@code src/it/blog} against a real PostgreSQL
 * (the core's test server provider), one throw-away database per test.
 */
class PluginIntegrationTests {

	ScratchDatabase database;

	@BeforeEach
	void createDatabase() {
		this.database = PostgresServers.shared().createDatabase();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void migrateThenStatus() throws SQLException {
		Result result = blog("migrate-status").run("confiture:migrate", "confiture:status");
		assertThat(result.succeeded()).as("%s", result).isTrue();
		assertThat(result.log()).contains("[INFO] Found 2 pending migration(s)")
			.containsPattern("\\[INFO\\] Applying 001_create_posts\\.\\.\\. ok \\(\\d+ ms\\)")
			.containsPattern("\\[INFO\\] Applying 002_add_post_body\\.\\.\\. ok \\(\\d+ ms\\)")
			.contains("[INFO] Successfully applied 2 migration(s) in ")
			.contains("[INFO] Migrations (tracking table public.confiture_migrations)")
			.containsPattern("\\| 001 +\\| create_posts +\\| applied +\\|")
			.containsPattern("\\| 002 +\\| add_post_body +\\| applied +\\|")
			.contains("[INFO] Total: 2 migrations (2 applied, 0 pending)");
		assertThat(result.log().indexOf("Successfully applied")).isLessThan(result.log().indexOf("Total: 2"));
		assertThat(query("SELECT string_agg(version, ',' ORDER BY version) FROM confiture_migrations"))
			.isEqualTo("001,002");
	}

	@Test
	void checkFailsTheBuildOnASchemaChangeWithoutAMigration() throws Exception {
		MavenBuild build = blog("check");
		try (Git git = Git.init().setDirectory(build.project().toFile()).setInitialBranch("main").call()) {
			commit(git, "Blog with posts");
			git.checkout().setCreateBranch(true).setName("feature").call();
			build.write("db/schema/10_tables/posts.sql", """
					CREATE TABLE posts (
					    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
					    title TEXT NOT NULL,
					    body TEXT NOT NULL DEFAULT '',
					    published_at TIMESTAMPTZ
					);
					""");
			commit(git, "Posts get a publication time");
			Result missing = build.property("confiture.baseRef", "main").run("verify");
			assertThat(missing.succeeded()).as("%s", missing).isFalse();
			assertThat(missing.log()).contains("--- confiture:" + System.getProperty("it.pluginVersion") + ":check")
				.contains("require-migration: FAILED")
				.contains("db/schema/10_tables/posts.sql")
				.contains("Validation failed: missing migration")
				.contains("Hint: Add a migration for the changed schema files")
				.contains("BUILD FAILURE");
			build.write("db/migrations/003_add_post_published_at.up.sql",
					"ALTER TABLE posts ADD COLUMN published_at TIMESTAMPTZ;\n");
			build.write("db/migrations/003_add_post_published_at.down.sql",
					"ALTER TABLE posts DROP COLUMN published_at;\n");
			commit(git, "Migration for the publication time");
			Result passing = build.run("verify", "-Dconfiture.reportFile=target/confiture-check.json");
			assertThat(passing.succeeded()).as("%s", passing).isTrue();
			assertThat(passing.log()).contains("require-migration: PASSED")
				.contains("Validation passed.")
				.contains("Total: 3 migrations (0 applied, 3 pending)");
			assertThat(Files.readString(build.project().resolve("target/confiture-check.json")))
				.contains("\"ok\" : true")
				.contains("\"goal\" : \"check\"");
		}
	}

	static void commit(Git git, String message) throws Exception {
		git.add().addFilepattern(".").call();
		git.commit()
			.setMessage(message)
			.setAuthor("Confiture Tests", "tests@confiture.dev")
			.setCommitter("Confiture Tests", "tests@confiture.dev")
			.setSign(false)
			.call();
	}

	@Test
	void initWritesTheLayoutThatBuildThenBuilds() throws SQLException {
		MavenBuild build = blog("init-build").delete("db");
		Result result = build.run("confiture:init", "confiture:build");
		assertThat(result.succeeded()).as("%s", result).isTrue();
		assertThat(result.log()).contains("[INFO]   created db/environments/local.yaml")
			.contains("[INFO] Building schema for environment: local")
			.contains("[INFO] Found 3 SQL files (2 schema, 1 seed)")
			.contains("[INFO] Schema built successfully in ");
		assertThat(build.project().resolve("db/schema/10_tables/users.sql")).exists();
		assertThat(query("SELECT string_agg(username, ',' ORDER BY username) FROM users")).isEqualTo("admin,editor");
	}

	@Test
	void brokenMigrationNamesFileAndLineAndLeavesNothingHalfApplied() throws Exception {
		MavenBuild build = blog("broken-migration").write("db/migrations/003_add_tags.up.sql", """
				CREATE TABLE tags (id BIGINT PRIMARY KEY);

				ALTER TABLE posts ADD COLUMN tag_id BIGINT REFERENCES tagz (id);
				""");
		Result result = build.property("confiture.reportFile", "target/migrate.json").run("confiture:migrate");
		assertThat(result.succeeded()).as("%s", result).isFalse();
		assertThat(result.log()).contains("[INFO] Applying 002_add_post_body... ok")
			.contains("[ERROR] Applying 003_add_tags... failed")
			.contains("db/migrations/003_add_tags.up.sql:3: relation \"tagz\" does not exist (SQLSTATE 42P01)")
			.contains("Hint: ")
			.contains("BUILD FAILURE");
		assertThat(query("SELECT string_agg(version, ',' ORDER BY version) FROM confiture_migrations"))
			.isEqualTo("001,002");
		assertThat(query("SELECT count(*) FROM pg_tables WHERE tablename = 'tags'")).isEqualTo("0");
		assertThat(Files.readString(build.project().resolve("target/migrate.json"))).contains("\"ok\" : false")
			.contains("\"goal\" : \"migrate\"")
			.contains("db/migrations/003_add_tags.up.sql:3: relation \\\"tagz\\\" does not exist")
			.contains("\"hint\" : \"Fix db/migrations/003_add_tags.up.sql and run ./mvnw confiture:migrate again");
	}

	@Test
	void skipDoesNothing() throws SQLException {
		Result result = MavenBuild.of("blog", "skip")
			.property("confiture.databaseUrl", "postgresql://nowhere.invalid:1/none")
			.property("confiture.skip", "true")
			.run("confiture:migrate", "verify");
		assertThat(result.succeeded()).as("%s", result).isTrue();
		assertThat(result.log()).contains("[INFO] Skipping Confiture migrate (skip=true)")
			.contains("[INFO] Skipping Confiture check (skip=true)")
			.doesNotContain("nowhere.invalid");
		assertThat(query("SELECT count(*) FROM pg_tables WHERE tablename = 'posts'")).isEqualTo("0");
	}

	@Test
	void passwordFromSettingsXml() throws Exception {
		ConnectionSettings admin = this.database.settings();
		String role = "confiture_it_" + Long.toHexString(System.nanoTime());
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE ROLE " + role + " LOGIN PASSWORD 's3cret-Pa55'");
			statement.execute("ALTER DATABASE " + this.database.name() + " OWNER TO " + role);
			statement.execute("ALTER SCHEMA public OWNER TO " + role);
		}
		PasswordAuthentication.require(this.database, role);
		String url = admin.jdbcUrl();
		Result wrong = MavenBuild.of("blog", "settings-wrong-password")
			.property("confiture.databaseUrl", url)
			.property("confiture.serverId", "blog-db")
			.server("blog-db", role, "not-the-Pa55word")
			.run("confiture:migrate");
		assertThat(wrong.succeeded()).as("%s", wrong).isFalse();
		assertThat(wrong.log()).contains("password authentication failed for user \"" + role + "\"")
			.doesNotContain("not-the-Pa55word");
		Result right = MavenBuild.of("blog", "settings-password")
			.property("confiture.databaseUrl", url)
			.property("confiture.serverId", "blog-db")
			.server("blog-db", role, "s3cret-Pa55")
			.run("-X", "confiture:migrate");
		assertThat(right.succeeded()).as("%s", right).isTrue();
		assertThat(right.log()).contains("Successfully applied 2 migration(s)").doesNotContain("s3cret-Pa55");
		assertThat(query("SELECT DISTINCT applied_by FROM confiture_migrations")).isEqualTo(role);
	}

	@Test
	void unknownServerIdIsAConfigurationFailure() {
		Result result = blog("settings-unknown-server").property("confiture.serverId", "nope").run("confiture:status");
		assertThat(result.succeeded()).as("%s", result).isFalse();
		assertThat(result.log()).contains("No <server> with id 'nope' in settings.xml")
			.contains("Hint: Add <server><id>nope</id>");
	}

	private MavenBuild blog(String name) {
		return MavenBuild.of("blog", name).property("confiture.databaseUrl", url(this.database.settings()));
	}

	static String url(ConnectionSettings settings) {
		String url = settings.jdbcUrl() + (settings.jdbcUrl().contains("?") ? "&" : "?");
		List<String> parameters = new ArrayList<>();
		if (settings.user() != null) {
			parameters.add("user=" + settings.user());
		}
		if (settings.password() != null) {
			parameters.add("password=" + settings.password());
		}
		return parameters.isEmpty() ? settings.jdbcUrl() : url + String.join("&", parameters);
	}

	private String query(String sql) throws SQLException {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			return result.next() ? result.getString(1) : null;
		}
	}

}
