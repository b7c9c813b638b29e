package dev.confiture.maven;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.confiture.core.Confiture;
import dev.confiture.core.coordinate.CoordinationRegistry;
import dev.confiture.core.coordinate.IntentRequest;
import dev.confiture.core.coordinate.RiskLevel;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.maven.MavenBuild.Result;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Real Maven builds of {@code src/it/blog} for the {@code lint} goal, the lint step of
 * {@code check}, and the read-only {@code coordinate-*} goals, against a real PostgreSQL.
 */
class LintAndCoordinationIntegrationTests {

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
	void lintFailsTheBuildNamingFileAndLineAndWritesSarif() throws Exception {
		MavenBuild build = blog("lint").write("db/migrations/003_index_post_titles.up.sql",
				"SET lock_timeout = '5s';\nCREATE INDEX posts_title ON posts (title);\n");
		Result result = build.property("confiture.target", "002")
			.property("confiture.format", "sarif")
			.property("confiture.reportFile", "target/lint.sarif")
			.run("confiture:migrate", "confiture:lint");
		assertThat(result.succeeded()).as("%s", result).isFalse();
		assertThat(result.log()).contains("Successfully applied 2 migration(s)")
			.contains(
					"Linting 1 migration(s) of environment local, measured on a shadow database built from the schema of")
			.contains(
					"[ERROR] db/migrations/003_index_post_titles.up.sql:2: ERROR index-without-concurrently public.posts")
			.contains("Safe alternative: ")
			.contains("Lint found 1 error(s) in 1 migration(s): db/migrations/003_index_post_titles.up.sql:2")
			.contains("Hint: Change the migrations as suggested, or allow a finding that is safe here with "
					+ "-- confiture:allow RULE reason")
			.contains("BUILD FAILURE");
		String sarif = Files.readString(build.project().resolve("target/lint.sarif"));
		assertThat(sarif).contains("\"version\" : \"2.1.0\"")
			.contains("\"ruleId\" : \"index-without-concurrently\"")
			.contains("\"uri\" : \"db/migrations/003_index_post_titles.up.sql\"")
			.contains("\"startLine\" : 2");
		assertThat(query("SELECT string_agg(version, ',' ORDER BY version) FROM confiture_migrations"))
			.isEqualTo("001,002");
		assertThat(query("SELECT count(*) FROM pg_indexes WHERE indexname = 'posts_title'")).isEqualTo("0");
	}

	@Test
	void checkFailsTheBuildOnALintError() throws Exception {
		MavenBuild build = blog("check-lint");
		try (Git git = Git.init().setDirectory(build.project().toFile()).setInitialBranch("main").call()) {
			PluginIntegrationTests.commit(git, "Blog with posts");
			git.checkout().setCreateBranch(true).setName("feature").call();
			build.write("db/schema/10_tables/posts.sql", """
					CREATE TABLE posts (
					    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
					    title TEXT NOT NULL,
					    body TEXT NOT NULL DEFAULT ''
					);
					CREATE INDEX posts_title ON posts (title);
					""");
			build.write("db/migrations/003_index_post_titles.up.sql",
					"SET lock_timeout = '5s';\nCREATE INDEX posts_title ON posts (title);\n");
			build.write("db/migrations/003_index_post_titles.down.sql", "DROP INDEX posts_title;\n");
			PluginIntegrationTests.commit(git, "Index post titles");
			Result result = build.property("confiture.baseRef", "main")
				.property("confiture.reportFile", "target/confiture-check.json")
				.run("verify");
			assertThat(result.succeeded()).as("%s", result).isFalse();
			assertThat(result.log()).contains("require-migration: PASSED")
				.contains("Validation passed.")
				.contains("Linting 1 migration(s) of environment local, measured on a shadow database built from the "
						+ "schema of")
				.contains("with the 2 earlier pending migration(s) applied")
				.contains("db/migrations/003_index_post_titles.up.sql:2: ERROR index-without-concurrently public.posts")
				.contains("Total: 3 migrations (0 applied, 3 pending)")
				.contains("Lint found 1 error(s) in 1 migration(s)")
				.contains("BUILD FAILURE");
			assertThat(result.log().indexOf("Validation passed.")).isLessThan(result.log().indexOf("Linting 1"));
			assertThat(result.log().indexOf("Linting 1")).isLessThan(result.log().indexOf("Total: 3 migrations"));
			assertThat(Files.readString(build.project().resolve("target/confiture-check.json")))
				.contains("\"ok\" : false")
				.contains("\"lint\" : {")
				.contains("\"rule\" : \"index-without-concurrently\"");
			Result warned = build.property("confiture.lint", "warn")
				.property("confiture.reportFile", "target/confiture-check-warn.json")
				.run("verify");
			assertThat(warned.succeeded()).as("%s", warned).isTrue();
			assertThat(warned.log()).contains("[WARNING] db/migrations/003_index_post_titles.up.sql:2: ERROR");
		}
	}

	@Test
	void coordinateGoalsShowIntentsAndCheckFailsOnAConflictWithoutRecordingIt() throws Exception {
		CoordinationRegistry registry = Confiture.coordination(this.database.settings(), "the test database");
		registry.register(new IntentRequest("alice", "post_tags", List.of("posts"),
				"ALTER TABLE posts ADD COLUMN tags text[];", RiskLevel.LOW, null, null));
		Result read = blog("coordinate-read").run("confiture:coordinate-status", "confiture:coordinate-list",
				"confiture:coordinate-conflicts");
		assertThat(read.succeeded()).as("%s", read).isTrue();
		assertThat(read.log()).containsPattern("\\[INFO\\] . int_\\w+ +. alice +. post_tags +. REGISTERED +.\n")
			.contains("[INFO] 1 active intent, 0 open conflicts")
			.containsPattern("\\[INFO\\] . int_\\w+ +. alice +. post_tags +. REGISTERED +. \\S+ +. posts +.\n")
			.contains("No open conflicts");
		MavenBuild build = blog("coordinate-check").property("confiture.agentId", "bob")
			.property("confiture.tables", "posts")
			.property("confiture.reportFile", "target/coordinate.json");
		Result check = build.run("confiture:coordinate-check");
		assertThat(check.succeeded()).as("%s", check).isFalse();
		assertThat(check.log()).contains("Conflict detected!")
			.containsPattern("\\[WARNING\\]   - alice is working on 'posts' table \\(int_\\w+\\)")
			.contains("1 conflict(s) with other agents' active intents")
			.contains("BUILD FAILURE");
		assertThat(Files.readString(build.project().resolve("target/coordinate.json")))
			.contains("\"conflictsDetected\" : true")
			.contains("\"otherAgentId\" : \"alice\"");
		assertThat(registry.intents()).hasSize(1);
	}

	@Test
	void coordinateStatusOfAnUninitialisedDatabaseSaysSo() {
		Result result = blog("coordinate-uninitialised").run("confiture:coordinate-status");
		assertThat(result.succeeded()).as("%s", result).isFalse();
		assertThat(result.log()).contains("has no coordination tables (confiture.intents)")
			.contains("Hint: Create the coordination tables once with the command line's 'confiture coordinate init'")
			.contains("BUILD FAILURE");
	}

	private MavenBuild blog(String name) {
		return MavenBuild.of("blog", name)
			.property("confiture.databaseUrl", PluginIntegrationTests.url(this.database.settings()));
	}

	private String query(String sql) throws SQLException {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			return result.next() ? result.getString(1) : null;
		}
	}

}
