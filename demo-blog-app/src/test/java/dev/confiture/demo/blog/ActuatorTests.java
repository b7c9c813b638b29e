package dev.confiture.demo.blog;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The home page, GraphiQL and the actuator endpoints the demo exposes.
 */
@BlogApplicationTest
class ActuatorTests {

	private static final String CONFITURE = "$.contexts['demo-blog-app'].confitureBeans.confiture";

	@LocalServerPort
	int port;

	WebTestClient http;

	@BeforeEach
	void createClient() {
		this.http = GraphQlClients.http(this.port);
	}

	@Test
	void confitureEndpointListsTheMigrationsBaselinedByTheBuild() {
		this.http.get()
			.uri("/actuator/confiture")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath(CONFITURE + ".mode")
			.isEqualTo("AUTO")
			.jsonPath(CONFITURE + ".lastRun.action")
			.isEqualTo("build")
			.jsonPath(CONFITURE + ".lastRun.versions")
			.isEqualTo(List.of("001", "002"))
			.jsonPath(CONFITURE + ".migrations.length()")
			.isEqualTo(2)
			.jsonPath(CONFITURE + ".migrations[0].version")
			.isEqualTo("001")
			.jsonPath(CONFITURE + ".migrations[0].name")
			.isEqualTo("add_post_views")
			.jsonPath(CONFITURE + ".migrations[0].kind")
			.isEqualTo("BASELINE")
			.jsonPath(CONFITURE + ".migrations[0].state")
			.isEqualTo("APPLIED")
			.jsonPath(CONFITURE + ".migrations[1].version")
			.isEqualTo("002")
			.jsonPath(CONFITURE + ".migrations[1].name")
			.isEqualTo("backfill_post_excerpts")
			.jsonPath(CONFITURE + ".schema.hash")
			.isNotEmpty();
	}

	@Test
	void healthIncludesConfiture() {
		this.http.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP")
			.jsonPath("$.components.confiture.status")
			.isEqualTo("UP")
			.jsonPath("$.components.confiture.details.pending")
			.isEqualTo(0);
	}

	@Test
	void metricsAndPrometheusIncludeConfitureMeters() {
		this.http.get()
			.uri("/actuator/metrics/confiture.migrations.applied")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.measurements[0].value")
			.isEqualTo(2.0);
		this.http.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((body) -> assertThat(body).contains("confiture_migrations_pending{target=\"main\"} 0.0")
				.contains("confiture_build_seconds_count{outcome=\"success\",target=\"main\"} 1"));
	}

	@Test
	void homePageSaysWhatConfitureDid() {
		this.http.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.startup")
			.isEqualTo("build")
			.jsonPath("$.tables")
			.value((tables) -> assertThat(tables.toString()).contains("tb_user", "tb_post", "tb_comment", "tv_user",
					"tv_post", "tv_comment"));
	}

	@Test
	void graphiQlIsServed() {
		this.http.get()
			.uri("/graphiql?path=/graphql")
			.accept(MediaType.TEXT_HTML)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value((page) -> assertThat(page).containsIgnoringCase("graphiql"));
	}

}
