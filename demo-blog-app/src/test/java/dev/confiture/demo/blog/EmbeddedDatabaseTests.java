package dev.confiture.demo.blog;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The default of the main command: no {@code spring.datasource.url}, so the application
 * runs its own embedded PostgreSQL whose data survives a restart. The only test that
 * starts a second server: the behaviour under test is the application starting one.
 */
class EmbeddedDatabaseTests {

	@TempDir
	Path data;

	@Test
	void firstStartBuildsWithDevelopmentSeedsAndLaterStartsKeepTheData() {
		String username;
		try (ConfigurableApplicationContext application = start()) {
			assertThat(application.getBean(ConfitureRunState.class).lastRun().action()).isEqualTo("build");
			HttpGraphQlTester graphQl = graphQl(application);
			graphQl.document("{ users { username } }")
				.execute()
				.path("users[*].username")
				.entityList(String.class)
				.containsExactly("alice", "bob", "carol");
			username = graphQl
				.document("mutation { createUser(email: \"kept@example.com\", username: \"kept\", fullName: \"Kept\") "
						+ "{ username } }")
				.execute()
				.path("createUser.username")
				.entity(String.class)
				.get();
		}
		try (ConfigurableApplicationContext application = start()) {
			assertThat(application.getBean(ConfitureRunState.class).lastRun().action()).isEqualTo("migrate");
			graphQl(application).document("{ users { username } }")
				.execute()
				.path("users[*].username")
				.entityList(String.class)
				.contains(username);
		}
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(BlogApplication.class).run("--server.port=0",
				"--demo.embedded.data-directory=" + this.data.resolve("pg"));
	}

	private static HttpGraphQlTester graphQl(ConfigurableApplicationContext application) {
		return GraphQlClients.graphQl(((WebServerApplicationContext) application).getWebServer().getPort());
	}

}
