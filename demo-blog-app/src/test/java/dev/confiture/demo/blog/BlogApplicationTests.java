package dev.confiture.demo.blog;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.client.RestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class BlogApplicationTests {

	@TempDir
	static Path data;

	@DynamicPropertySource
	static void embeddedData(DynamicPropertyRegistry registry) {
		registry.add("demo.embedded.data-directory", () -> data.resolve("pg").toString());
	}

	@LocalServerPort
	int port;

	@Test
	@SuppressWarnings("unchecked")
	void startupBuildsTheSchemaWithSeedsIntoTheEmbeddedDatabase() {
		RestClient http = RestClient.create("http://localhost:" + this.port);
		Map<String, Object> status = http.get().uri("/").retrieve().body(Map.class);
		assertThat(status).containsEntry("startup", "build");
		assertThat((List<String>) status.get("tables")).contains("tb_user", "tb_post", "tb_comment", "confiture_builds");
		Map<String, Object> actuator = http.get().uri("/actuator/confiture").retrieve().body(Map.class);
		assertThat(actuator).containsKey("contexts");
		List<Map<String, Object>> posts = http.get().uri("/posts").retrieve().body(List.class);
		assertThat(posts).singleElement()
			.satisfies((post) -> assertThat(post).containsEntry("author", "alice").containsEntry("comment_count", 1));
	}

}
