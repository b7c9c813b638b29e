package dev.confiture.spring.boot.actuate;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.spring.boot.testapp.TestApplication;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/confiture}, {@code /actuator/health/confiture} and the meters over
 * HTTP.
 */
@SpringBootTest(classes = TestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=confiture,health,metrics",
				"management.endpoint.health.show-details=always", "spring.jpa.hibernate.ddl-auto=validate",
				"spring.jpa.open-in-view=false", "confiture.seed-profiles=common" })
class ConfitureEndpointHttpTests {

	static final ScratchDatabase database = PostgresServers.shared().createDatabase();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> database.settings().jdbcUrl());
		registry.add("spring.datasource.username", () -> database.settings().user());
		registry.add("spring.datasource.password", () -> "not-shown");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@LocalServerPort
	int port;

	@Test
	@SuppressWarnings("unchecked")
	void endpointShowsTheBuildAndTheMigrations() {
		String json = client().get().uri("/actuator/confiture").retrieve().body(String.class);
		assertThat(json).doesNotContain("not-shown");
		Map<String, Object> body = client().get().uri("/actuator/confiture").retrieve().body(Map.class);
		Map<String, Object> contexts = (Map<String, Object>) body.get("contexts");
		Map<String, Object> context = (Map<String, Object>) contexts.values().iterator().next();
		Map<String, Object> bean = (Map<String, Object>) ((Map<String, Object>) context.get("confitureBeans"))
			.get("confiture");
		assertThat(bean).containsEntry("mode", "AUTO").containsEntry("trackingTable", "public.confiture_migrations");
		Map<String, Object> lastRun = (Map<String, Object>) bean.get("lastRun");
		assertThat(lastRun).containsEntry("action", "build").containsEntry("versions", List.of("001"));
		assertThat((Map<String, Object>) bean.get("schema")).containsKeys("hash", "builtAt", "builtBy")
			.containsEntry("files", 2);
		List<Map<String, Object>> migrations = (List<Map<String, Object>>) bean.get("migrations");
		assertThat(migrations).singleElement().satisfies((migration) -> {
			assertThat(migration).containsEntry("version", "001")
				.containsEntry("name", "add_book_isbn")
				.containsEntry("state", "APPLIED")
				.containsEntry("kind", "BASELINE")
				.containsEntry("reversible", true);
			assertThat((String) migration.get("checksum")).hasSize(64);
		});
		assertThat((List<String>) bean.get("lockHolders")).isEmpty();
	}

	@Test
	@SuppressWarnings("unchecked")
	void everyTargetIsListedByNameAndReadableAlone() {
		Map<String, Object> body = client().get().uri("/actuator/confiture").retrieve().body(Map.class);
		Map<String, Object> context = (Map<String, Object>) ((Map<String, Object>) body.get("contexts")).values()
			.iterator()
			.next();
		assertThat((Map<String, Object>) context.get("targets")).containsOnlyKeys("main");
		assertThat(context.get("tenants")).isNull();
		Map<String, Object> main = client().get().uri("/actuator/confiture/main").retrieve().body(Map.class);
		assertThat(main).containsEntry("mode", "AUTO").containsEntry("trackingTable", "public.confiture_migrations");
		assertThat((String) main.get("database")).doesNotContain("not-shown");
		int status = client().get()
			.uri("/actuator/confiture/reportng")
			.exchange((request, response) -> response.getStatusCode().value());
		assertThat(status).isEqualTo(404);
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthIsUpWithDetails() {
		Map<String, Object> health = client().get().uri("/actuator/health/confiture").retrieve().body(Map.class);
		assertThat(health).containsEntry("status", "UP");
		assertThat((Map<String, Object>) health.get("details")).containsEntry("applied", 1)
			.containsEntry("pending", 0)
			.containsEntry("lastRun", "build");
	}

	@Test
	@SuppressWarnings("unchecked")
	void metersReportTheRecordedState() {
		Map<String, Object> applied = client().get()
			.uri("/actuator/metrics/confiture.migrations.applied?tag=target:main")
			.retrieve()
			.body(Map.class);
		assertThat((List<Map<String, Object>>) applied.get("measurements")).singleElement()
			.satisfies((measurement) -> assertThat(measurement).containsEntry("value", 1.0));
		Map<String, Object> build = client().get().uri("/actuator/metrics/confiture.build").retrieve().body(Map.class);
		assertThat((List<Map<String, Object>>) build.get("measurements"))
			.anySatisfy((measurement) -> assertThat(measurement).containsEntry("statistic", "COUNT")
				.containsEntry("value", 1.0));
		Map<String, Object> pending = client().get()
			.uri("/actuator/metrics/confiture.migrations.pending")
			.retrieve()
			.body(Map.class);
		assertThat(pending).containsKey("measurements");
	}

	private RestClient client() {
		return RestClient.create("http://localhost:" + this.port);
	}

}
