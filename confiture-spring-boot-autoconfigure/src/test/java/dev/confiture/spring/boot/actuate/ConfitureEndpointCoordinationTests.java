package dev.confiture.spring.boot.actuate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.confiture.core.coordinate.CoordinationRegistry;
import dev.confiture.core.coordinate.IntentRequest;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.spring.boot.actuate.ConfitureEndpoint.ConfitureDescriptor;
import dev.confiture.spring.boot.actuate.ConfitureEndpoint.CoordinationDescriptor;
import dev.confiture.spring.boot.autoconfigure.ConfitureAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coordination intents and conflicts on {@link ConfitureEndpoint}.
 */
class ConfitureEndpointCoordinationTests {

	private ScratchDatabase database;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void setUp() {
		this.database = PostgresServers.shared().createDatabase();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, ConfitureAutoConfiguration.class,
							EndpointAutoConfiguration.class, ConfitureEndpointAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.settings().jdbcUrl(),
					"spring.datasource.username=" + this.database.settings().user(),
					"management.endpoints.web.exposure.include=confiture");
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void coordinationIsLeftOutUnlessEnabled() {
		this.contextRunner.run(
				(context) -> assertThat(describe(context.getBean(ConfitureEndpoint.class)).getCoordination()).isNull());
	}

	@Test
	void activeIntentsAndOpenConflictsAreShown() {
		CoordinationRegistry registry = CoordinationRegistry.of(this.database.settings());
		registry
			.register(IntentRequest.of("alice", "user_bio").withSchemaChanges("ALTER TABLE users ADD COLUMN bio TEXT"));
		registry.register(IntentRequest.of("bob", "user_profile")
			.withSchemaChanges("ALTER TABLE users ADD COLUMN bio VARCHAR(200)"));
		this.contextRunner.withPropertyValues("confiture.coordination.enabled=true").run((context) -> {
			CoordinationDescriptor coordination = describe(context.getBean(ConfitureEndpoint.class)).getCoordination();
			assertThat(coordination.initialized()).isTrue();
			assertThat(coordination.activeIntents()).extracting("agentId").containsExactlyInAnyOrder("alice", "bob");
			assertThat(coordination.openConflicts()).isNotEmpty()
				.anySatisfy((conflict) -> assertThat(conflict.object()).contains("bio"));
		});
	}

	@Test
	void uninitializedCoordinationDatabaseSaysSo() {
		this.contextRunner.withPropertyValues("confiture.coordination.enabled=true").run((context) -> {
			CoordinationDescriptor coordination = describe(context.getBean(ConfitureEndpoint.class)).getCoordination();
			assertThat(coordination.initialized()).isFalse();
			assertThat(coordination.error()).isNull();
		});
	}

	private static ConfitureDescriptor describe(ConfitureEndpoint endpoint) {
		return endpoint.confitureBeans().getContexts().values().iterator().next().getConfitureBeans().get("confiture");
	}

}
