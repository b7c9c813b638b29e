package dev.confiture.core.lint;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.migrate.MigrateOptions;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migration linted against a live database that has not applied the migrations before
 * it (a CI database, a staging database that lags) starts from the live schema plus those
 * migrations, as it will when deployed.
 */
class PendingEarlierMigrationsTests {

	@TempDir
	Path root;

	ScratchDatabase live;

	@BeforeEach
	void createLiveDatabase() {
		this.live = PostgresServers.shared().createDatabase();
	}

	@AfterEach
	void dropLiveDatabase() {
		this.live.close();
	}

	@Test
	void earlierPendingMigrationsRunBeforeTheLintedOne() {
		LintProject project = new LintProject(this.root, this.live);
		project.migration("001_create_posts.up.sql", "CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n");
		Path second = project.migration("002_index_posts.up.sql",
				"SET lock_timeout = '5s';\nCREATE INDEX posts_title ON posts (title);\n");
		LintResult result = project.lint(second);
		assertThat(result.measured()).isTrue();
		assertThat(result.startingSchema()).endsWith("with the 1 earlier pending migration(s) applied");
		assertThat(result.findings()).extracting(LintFinding::rule)
			.containsExactly(LintRule.INDEX_WITHOUT_CONCURRENTLY);
		assertThat(LintProject.snapshot(this.live)).isEmpty();
	}

	@Test
	void appliedEarlierMigrationsAreNotRunAgain() {
		LintProject project = new LintProject(this.root, this.live);
		project.migration("001_create_posts.up.sql", "CREATE TABLE posts (id bigint PRIMARY KEY, title text);\n");
		project.confiture().migrate(MigrateOptions.defaults());
		Path second = project.migration("002_index_posts.up.sql",
				"SET lock_timeout = '5s';\nCREATE INDEX posts_title ON posts (title);\n");
		LintResult result = project.lint(second);
		assertThat(result.startingSchema()).doesNotContain("earlier");
		assertThat(result.findings()).extracting(LintFinding::rule)
			.containsExactly(LintRule.INDEX_WITHOUT_CONCURRENTLY);
	}

}
