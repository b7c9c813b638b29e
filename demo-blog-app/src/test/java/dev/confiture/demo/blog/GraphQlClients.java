package dev.confiture.demo.blog;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Clients of a running application.
 */
final class GraphQlClients {

	private GraphQlClients() {
	}

	static HttpGraphQlTester graphQl(int port) {
		return HttpGraphQlTester.builder(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql"))
			.build();
	}

	static WebTestClient http(int port) {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

}
