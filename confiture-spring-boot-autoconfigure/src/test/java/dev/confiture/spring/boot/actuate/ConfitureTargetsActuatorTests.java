package dev.confiture.spring.boot.actuate;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.spring.boot.actuate.ConfitureEndpoint.ConfitureDescriptor;
import dev.confiture.spring.boot.actuate.ConfitureEndpoint.ContextConfitureBeansDescriptor;
import dev.confiture.spring.boot.actuate.ConfitureEndpoint.TenantsDescriptor;
import dev.confiture.spring.boot.autoconfigure.ConfitureAutoConfiguration;
import dev.confiture.spring.boot.autoconfigure.ConfitureTargetsAutoConfiguration;
import dev.confiture.spring.boot.autoconfigure.ConfitureTenants;
import dev.confiture.spring.boot.autoconfigure.ConfitureTenantsAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/confiture}, health and meters with named targets and a tenant fleet,
 * against a real PostgreSQL.
 */
class ConfitureTargetsActuatorTests {

	private ScratchDatabase main;

	private ScratchDatabase reporting;

	private ScratchDatabase audit;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void setUp() {
		this.main = PostgresServers.shared().createDatabase();
		this.reporting = PostgresServers.shared().createDatabase();
		this.audit = PostgresServers.shared().createDatabase();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, ConfitureAutoConfiguration.class,
							ConfitureTargetsAutoConfiguration.class, ConfitureTenantsAutoConfiguration.class,
							EndpointAutoConfiguration.class, ConfitureEndpointAutoConfiguration.class,
							ConfitureHealthContributorAutoConfiguration.class, ConfitureMetricsAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=confiture",
					"confiture.seed-profiles=common");
	}

	@AfterEach
	void tearDown() {
		this.main.close();
		this.reporting.close();
		this.audit.close();
	}

	@Test
	void endpointHealthAndMetersNameEveryTarget() {
		this.contextRunner.withUserConfiguration(TwoDataSources.class)
			.withBean("mainUrl", String.class, () -> this.main.settings().jdbcUrl())
			.withBean("reportingUrl", String.class, () -> this.reporting.settings().jdbcUrl())
			.withPropertyValues("confiture.targets.reporting.data-source=reportingDataSource",
					"confiture.targets.reporting.schema-locations=classpath:db/reporting/schema",
					"confiture.targets.reporting.seed-locations=",
					"confiture.targets.reporting.migration-locations=classpath:db/reporting/migrations",
					"confiture.targets.audit.url=" + this.audit.settings().jdbcUrl(),
					"confiture.targets.audit.user=" + this.audit.settings().user(),
					"confiture.targets.audit.password=audit-secret",
					"confiture.targets.audit.schema-locations=classpath:db/reporting/schema",
					"confiture.targets.audit.seed-locations=", "confiture.targets.audit.mode=none",
					"confiture.targets.audit.migration-locations=classpath:db/reporting/migrations")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ContextConfitureBeansDescriptor described = describe(context.getBean(ConfitureEndpoint.class));
				assertThat(described.getTargets()).containsOnlyKeys("main", "audit", "reporting");
				assertThat(described.getTargets().keySet()).containsExactly("main", "audit", "reporting");
				assertThat(described.getTenants()).isNull();
				ConfitureDescriptor main = described.getTargets().get("main");
				assertThat(main).isSameAs(described.getConfitureBeans().get("confiture"));
				assertThat(main.getLastRun().getAction()).isEqualTo("build");
				assertThat(main.getMigrations()).extracting("version").containsExactly("001");
				ConfitureDescriptor reporting = described.getTargets().get("reporting");
				assertThat(reporting.getLastRun().getAction()).isEqualTo("build");
				assertThat(reporting.getSchema().getFiles()).isEqualTo(1);
				assertThat(reporting.getTrackingTable()).isEqualTo("public.confiture_migrations");
				assertThat(reporting.getError()).isNull();
				ConfitureDescriptor audit = described.getTargets().get("audit");
				assertThat(audit.getMode()).isEqualTo("NONE");
				assertThat(audit.getLastRun().getAction()).isEqualTo("none");
				assertThat(audit.getSchema()).isNull();
				assertThat(audit.getDatabase()).contains(this.audit.name()).doesNotContain("audit-secret");
				ConfitureEndpoint endpoint = context.getBean(ConfitureEndpoint.class);
				assertThat(endpoint.confitureTarget("reporting").getLastRun().getAction()).isEqualTo("build");
				assertThat(endpoint.confitureTarget("main").getMigrations()).hasSize(1);
				assertThat(endpoint.confitureTarget("reportng")).isNull();

				CompositeHealthContributor health = context.getBean("confitureHealthIndicator",
						CompositeHealthContributor.class);
				assertThat(health.stream()).extracting("name").containsExactly("main", "audit", "reporting");
				Health reportingHealth = ((HealthIndicator) health.getContributor("reporting")).health(true);
				assertThat(reportingHealth.getStatus()).isEqualTo(Status.UP);
				assertThat(reportingHealth.getDetails()).containsEntry("lastRun", "build").containsEntry("applied", 0);
				assertThat(((HealthIndicator) health.getContributor("main")).health(true).getDetails())
					.containsEntry("applied", 1);

				SimpleMeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(ConfitureMeterBinder.class).bindTo(registry);
				assertThat(registry.get("confiture.migrations.applied").tag("target", "main").gauge().value())
					.isEqualTo(1.0);
				assertThat(registry.get("confiture.migrations.applied").tag("target", "reporting").gauge().value())
					.isZero();
				assertThat(registry.get("confiture.build").tag("target", "reporting").timer().count()).isEqualTo(1);
				assertThat(registry.get("confiture.build").tag("target", "main").timer().count()).isEqualTo(1);
				assertThat(registry.find("confiture.build").tag("target", "audit").timer()).isNull();
				assertThat(registry.get("confiture.failures").tag("target", "audit").counter().count()).isZero();
				assertThat(registry.getMeters()).allSatisfy(
						(meter) -> assertThat(meter.getId().getTag("target")).isIn("main", "audit", "reporting"));
			});
	}

	@Test
	void tenantsShowCountsPerStateAndTheFirstFailingTenantsOnly() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + this.main.settings().jdbcUrl(),
					"spring.datasource.username=" + this.main.settings().user(),
					"confiture.tenants.schemas.like=tenant\\_%")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ConfitureTenants tenants = context.getBean(ConfitureTenants.class);
				for (String name : List.of("tenant_ok_1", "tenant_ok_2", "tenant_ok_3")) {
					assertThat(tenants.createOrMigrate(name).state().isUpToDate()).isTrue();
				}
				try (Connection connection = this.main.connect(); Statement statement = connection.createStatement()) {
					statement.execute("DO $$ BEGIN FOR i IN 1..22 LOOP EXECUTE format("
							+ "'CREATE SCHEMA tenant_bad_%s; CREATE TABLE tenant_bad_%s.legacy (id int)', "
							+ "lpad(i::text, 2, '0'), lpad(i::text, 2, '0')); END LOOP; END $$");
				}
				assertThat(tenants.migrateAll().problems()).hasSize(22);
				TenantsDescriptor described = describe(context.getBean(ConfitureEndpoint.class)).getTenants();
				assertThat(described.total()).isEqualTo(25);
				assertThat(described.counts()).containsExactly(Map.entry("up-to-date", 3),
						Map.entry("not-initialized", 22));
				assertThat(described.failingCount()).isEqualTo(22);
				assertThat(described.failing()).hasSize(ConfitureEndpointAutoConfiguration.MAX_FAILING_TENANTS);
				assertThat(described.failing().get(0).tenant()).isEqualTo("tenant_bad_01");
				assertThat(described.failing().get(0).state()).isEqualTo("not-initialized");
				assertThat(described.updatedAt()).isNotNull();

				CompositeHealthContributor health = context.getBean("confitureHealthIndicator",
						CompositeHealthContributor.class);
				Health fleet = ((HealthIndicator) health.getContributor("tenants")).health(true);
				assertThat(fleet.getStatus()).isEqualTo(Status.DOWN);
				assertThat(fleet.getDetails()).containsEntry("error", "22 tenant(s) are not up to date")
					.containsEntry("tenants", 25);
				assertThat((Map<?, ?>) fleet.getDetails().get("failing")).hasSize(10);
				assertThat(((HealthIndicator) health.getContributor("main")).health(true).getStatus())
					.isEqualTo(Status.UP);

				SimpleMeterRegistry registry = new SimpleMeterRegistry();
				context.getBean(ConfitureMeterBinder.class).bindTo(registry);
				assertThat(registry.get("confiture.tenants").tag("state", "not-initialized").gauge().value())
					.isEqualTo(22.0);
				assertThat(registry.get("confiture.tenants").tag("state", "up-to-date").gauge().value()).isEqualTo(3.0);
				assertThat(registry.get("confiture.tenants").tag("state", "failed").gauge().value()).isZero();
				assertThat(registry.get("confiture.tenants").gauges()).hasSize(9);
			});
	}

	@Test
	void tenantsHealthIsUnknownBeforeTheFirstRun() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + this.main.settings().jdbcUrl(),
					"spring.datasource.username=" + this.main.settings().user(),
					"confiture.tenants.schemas.like=tenant\\_%", "confiture.tenants.migrate-on-startup=false")
			.run((context) -> {
				CompositeHealthContributor health = context.getBean("confitureHealthIndicator",
						CompositeHealthContributor.class);
				assertThat(((HealthIndicator) health.getContributor("tenants")).health(true).getStatus())
					.isEqualTo(Status.UNKNOWN);
				assertThat(describe(context.getBean(ConfitureEndpoint.class)).getTenants().total()).isZero();
			});
	}

	private static ContextConfitureBeansDescriptor describe(ConfitureEndpoint endpoint) {
		return endpoint.confitureBeans().getContexts().values().iterator().next();
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSources {

		@Bean
		@Primary
		DataSource mainDataSource(@Qualifier("mainUrl") String mainUrl) {
			return dataSource(mainUrl);
		}

		@Bean
		DataSource reportingDataSource(@Qualifier("reportingUrl") String reportingUrl) {
			return dataSource(reportingUrl);
		}

		private static DataSource dataSource(String url) {
			SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url);
			dataSource.setUsername(PostgresServers.shared().settings("postgres").user());
			dataSource.setPassword(PostgresServers.shared().settings("postgres").password());
			return dataSource;
		}

	}

}
