package dev.confiture.demo.blog;

import java.time.Duration;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Clients of a running application. Their response timeout is generous: on a loaded
 * 2-core CI machine the first request of a context (JIT, connection pool) can take longer
 * than the default 5 seconds.
 */
final class GraphQlClients {

	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	private GraphQlClients() {
	}

	static HttpGraphQlTester graphQl(int port) {
		return HttpGraphQlTester.builder(
				WebTestClient.bindToServer().responseTimeout(TIMEOUT).baseUrl("http://localhost:" + port + "/graphql"))
			.responseTimeout(TIMEOUT)
			.build();
	}

	static WebTestClient http(int port) {
		return WebTestClient.bindToServer().responseTimeout(TIMEOUT).baseUrl("http://localhost:" + port).build();
	}

}
