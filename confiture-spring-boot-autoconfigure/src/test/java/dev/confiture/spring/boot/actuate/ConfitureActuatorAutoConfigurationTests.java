package dev.confiture.spring.boot.actuate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.confiture.core.Confiture;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.Environment;
import dev.confiture.core.migrate.MigrationCounts;
import dev.confiture.spring.boot.autoconfigure.ConfitureProperties;
import dev.confiture.spring.boot.autoconfigure.ConfitureProperties.Mode;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the actuator auto-configurations and {@link ConfitureHealthIndicator}.
 */
class ConfitureActuatorAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(EndpointAutoConfiguration.class, ConfitureEndpointAutoConfiguration.class,
						ConfitureHealthContributorAutoConfiguration.class, ConfitureMetricsAutoConfiguration.class))
		.withUserConfiguration(ConfitureBeans.class);

	@Test
	void endpointExistsOnlyWhenExposed() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ConfitureEndpoint.class));
		this.contextRunner.withPropertyValues("management.endpoints.web.exposure.include=confiture")
			.run((context) -> assertThat(context).hasSingleBean(ConfitureEndpoint.class));
	}

	@Test
	void endpointBacksOffWithoutConfiture() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(EndpointAutoConfiguration.class, ConfitureEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=confiture")
			.run((context) -> assertThat(context).doesNotHaveBean(ConfitureEndpoint.class));
	}

	@Test
	void healthAndMetersAreConfiguredFromTheRunState() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ConfitureHealthIndicator.class)
			.hasSingleBean(ConfitureMeterBinder.class));
		this.contextRunner.withPropertyValues("management.health.confiture.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ConfitureHealthIndicator.class));
	}

	@Test
	void healthIsDownWhenTheStartupRunFailed() {
		ConfitureRunState state = new ConfitureRunState();
		RunStates.record(state, new ConfitureRunState.LastRun("migrate", Instant.now(), Duration.ofMillis(5), List.of(),
				"db/migrations/002_x.up.sql:3: relation \"nowhere\" does not exist"));
		Health health = new ConfitureHealthIndicator(state, Mode.AUTO).health(true);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error",
				"db/migrations/002_x.up.sql:3: relation \"nowhere\" does not exist");
	}

	@Test
	void healthIsDownOnChecksumMismatchAndOnPendingInValidateMode() {
		ConfitureRunState changed = new ConfitureRunState();
		RunStates.counts(changed, new MigrationCounts(2, 0, true));
		assertThat(new ConfitureHealthIndicator(changed, Mode.AUTO).health(true).getStatus()).isEqualTo(Status.DOWN);
		ConfitureRunState pending = new ConfitureRunState();
		RunStates.counts(pending, new MigrationCounts(2, 1, false));
		assertThat(new ConfitureHealthIndicator(pending, Mode.VALIDATE).health(true).getStatus())
			.isEqualTo(Status.DOWN);
		assertThat(new ConfitureHealthIndicator(pending, Mode.AUTO).health(true).getStatus()).isEqualTo(Status.UP);
	}

	@Configuration(proxyBeanMethods = false)
	static class ConfitureBeans {

		@Bean
		ConfitureRunState confitureRunState() {
			return new ConfitureRunState();
		}

		@Bean
		ConfitureProperties confitureProperties() {
			return new ConfitureProperties();
		}

		@Bean
		Confiture confiture() {
			Environment environment = new Environment("test", null, java.nio.file.Path.of("."), List.of(), List.of(),
					List.of(), ConnectionSettings.parse("postgresql://localhost/none", null, null),
					java.nio.file.Path.of("db/migrations"), "confiture_migrations");
			return Confiture.of(environment);
		}

	}

}
