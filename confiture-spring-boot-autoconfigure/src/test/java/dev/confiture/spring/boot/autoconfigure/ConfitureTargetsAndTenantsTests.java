package dev.confiture.spring.boot.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.tenant.FleetResult;
import dev.confiture.core.tenant.TenantOutcome;
import dev.confiture.core.tenant.TenantState;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Named targets ({@code confiture.targets.*}) and tenant fleets
 * ({@code confiture.tenants.*}) against a real PostgreSQL.
 */
class ConfitureTargetsAndTenantsTests {

	private ScratchDatabase main;

	private ScratchDatabase reporting;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void setUp() {
		this.main = PostgresServers.shared().createDatabase();
		this.reporting = PostgresServers.shared().createDatabase();
		this.contextRunner = new ApplicationContextRunner().withConfiguration(
				AutoConfigurations.of(DataSourceAutoConfiguration.class, ConfitureAutoConfiguration.class,
						ConfitureTargetsAutoConfiguration.class, ConfitureTenantsAutoConfiguration.class,
						JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class));
	}

	@AfterEach
	void tearDown() {
		this.main.close();
		this.reporting.close();
	}

	@Test
	void targetNamingADataSourceBeanIsReadyBeforeTheBeansThatUseIt() {
		this.contextRunner.withUserConfiguration(TwoDataSources.class)
			.withBean("mainUrl", String.class, () -> this.main.settings().jdbcUrl())
			.withBean("reportingUrl", String.class, () -> this.reporting.settings().jdbcUrl())
			.withPropertyValues("confiture.targets.reporting.data-source=reportingDataSource",
					"confiture.targets.reporting.schema-locations=classpath:db/reporting/schema",
					"confiture.targets.reporting.migration-locations=classpath:db/reporting/migrations",
					"confiture.targets.reporting.seed-locations=")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ReportReader.class).titles).containsExactly("monthly");
				assertThat(query(this.main, "SELECT count(*) FROM pg_tables WHERE tablename = 'book'"))
					.containsExactly("1");
				assertThat(query(this.main, "SELECT count(*) FROM pg_tables WHERE tablename = 'report'"))
					.containsExactly("0");
				ConfitureTargets targets = context.getBean(ConfitureTargets.class);
				assertThat(targets.runs()).containsOnlyKeys("reporting");
				assertThat(targets.runs().get("reporting").action()).isEqualTo("build");
			});
	}

	@Test
	void dataSourceNamingNoBeanFailsNamingTheTarget() {
		this.contextRunner.withUserConfiguration(TwoDataSources.class)
			.withBean("mainUrl", String.class, () -> this.main.settings().jdbcUrl())
			.withBean("reportingUrl", String.class, () -> this.reporting.settings().jdbcUrl())
			.withPropertyValues("confiture.targets.reporting.data-source=reportsDataSource")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Confiture target 'reporting': no DataSource bean named 'reportsDataSource'")
				.hasMessageContaining("reportingDataSource"));
	}

	@Test
	void targetByUrlFailsNamingTheTargetAndChangesNothing() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + this.main.settings().jdbcUrl(),
					"spring.datasource.username=" + this.main.settings().user(),
					"confiture.targets.audit.url=" + this.reporting.settings().jdbcUrl(),
					"confiture.targets.audit.user=" + this.reporting.settings().user(),
					"confiture.targets.audit.schema-locations=classpath:db/broken/schema",
					"confiture.targets.audit.seed-locations=")
			.run((context) -> {
				assertThat(context).getFailure()
					.hasStackTraceContaining("Confiture target 'audit'")
					.hasStackTraceContaining("broken.sql");
				assertThat(query(this.reporting, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
					.containsExactly("0");
			});
	}

	@Test
	void invalidTargetNameIsRefused() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + this.main.settings().jdbcUrl(),
					"spring.datasource.username=" + this.main.settings().user(),
					"confiture.targets.Audit_DB.url=" + this.reporting.settings().jdbcUrl())
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Invalid Confiture target name"));
	}

	@Test
	void reservedTargetNamesAreRefused() {
		for (String name : List.of("main", "tenants")) {
			this.contextRunner
				.withPropertyValues("spring.datasource.url=" + this.main.settings().jdbcUrl(),
						"spring.datasource.username=" + this.main.settings().user(),
						"confiture.targets." + name + ".url=" + this.reporting.settings().jdbcUrl())
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageContaining("Confiture target name '" + name + "' is taken"));
		}
		assertThat(query(this.main, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
		assertThat(query(this.reporting, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
			.containsExactly("0");
	}

	@Test
	void unknownTargetNameIsRefusedWithTheKnownNames() {
		this.contextRunner.withUserConfiguration(TwoDataSources.class)
			.withBean("mainUrl", String.class, () -> this.main.settings().jdbcUrl())
			.withBean("reportingUrl", String.class, () -> this.reporting.settings().jdbcUrl())
			.withPropertyValues("confiture.targets.reporting.data-source=reportingDataSource",
					"confiture.targets.reporting.schema-locations=classpath:db/reporting/schema",
					"confiture.targets.reporting.migration-locations=classpath:db/reporting/migrations",
					"confiture.targets.reporting.seed-locations=")
			.run((context) -> {
				ConfitureTargets targets = context.getBean(ConfitureTargets.class);
				assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> targets.state("reportng"))
					.withMessage("Unknown Confiture target 'reportng' (did you mean 'reporting'?); targets: reporting");
				assertThatExceptionOfType(ConfitureException.class).isThrownBy(() -> targets.confiture("audit"))
					.withMessageContaining("Unknown Confiture target 'audit'");
				assertThat(targets.confiture("reporting")).isNotNull();
				assertThat(targets.state("reporting").counts().applied()).isZero();
			});
	}

	@Test
	void parallelZeroIsRefusedBeforeAnyTenantIsTouched() {
		for (String property : List.of("confiture.tenants.parallel", "confiture.tenants.max-per-server")) {
			this.contextRunner
				.withPropertyValues("spring.datasource.url=" + this.main.settings().jdbcUrl(),
						"spring.datasource.username=" + this.main.settings().user(),
						"confiture.tenants.schemas.like=tenant\\_%", property + "=0")
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessage(property + " must be from 1 to 256, not 0; no tenant was touched"));
		}
	}

	@Test
	void tenantsAreCreatedAtRuntimeOnceEvenWhenTwoRequestsRace() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=" + this.main.settings().jdbcUrl(),
					"spring.datasource.username=" + this.main.settings().user(),
					"confiture.tenants.schemas.like=tenant\\_%")
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(ConfitureTenants.class)
					.hasSingleBean(ConfitureTenantsInitializer.class);
				ConfitureTenants tenants = context.getBean(ConfitureTenants.class);
				assertThat(tenants.lastRun().tenants()).isEmpty();
				List<CompletableFuture<TenantOutcome>> onboarding = new ArrayList<>();
				for (int i = 0; i < 2; i++) {
					onboarding.add(CompletableFuture.supplyAsync(() -> tenants.createOrMigrate("tenant_acme")));
				}
				onboarding.forEach((future) -> assertThat(future.join().state().isUpToDate()).isTrue());
				assertThat(query(this.main, "SELECT count(*) FROM tenant_acme.confiture_builds")).containsExactly("1");
				assertThat(query(this.main, "SELECT version FROM tenant_acme.confiture_migrations"))
					.containsExactly("001");
				FleetResult status = tenants.status();
				assertThat(status.counts()).containsEntry(TenantState.UP_TO_DATE, 1);
			});
	}

	@Test
	void tenantsAreMigratedWithTheMainTargetsJavaMigrations() {
		String[] properties = { "spring.datasource.url=" + this.main.settings().jdbcUrl(),
				"spring.datasource.username=" + this.main.settings().user(), "confiture.seed-locations=",
				"confiture.tenants.schemas.like=tenant\\_%" };
		this.contextRunner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ConfitureTenants.class).createOrMigrate("tenant_acme").state().isUpToDate())
				.isTrue();
		});
		this.contextRunner.withPropertyValues(properties)
			.withPropertyValues("confiture.java-migrations-package=dev.confiture.spring.boot.testmigrations")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ConfitureTenants.class).lastRun().tenants()).singleElement()
					.satisfies((tenant) -> assertThat(tenant.appliedVersions()).containsExactly("005"));
			});
		assertThat(query(this.main, "SELECT name FROM tenant_acme.author")).containsExactly("Reviewer");
		assertThat(query(this.main, "SELECT version || ' ' || kind FROM tenant_acme.confiture_migrations ORDER BY 1"))
			.containsExactly("001 baseline", "005 java");
	}

	@Test
	void tenantsWithBothSchemasAndDatabasesAreRefused() {
		this.contextRunner.withPropertyValues("spring.datasource.url=" + this.main.settings().jdbcUrl(),
				"spring.datasource.username=" + this.main.settings().user(),
				"confiture.tenants.schemas.like=tenant\\_%", "confiture.tenants.databases.list=jdbc:postgresql://x/y")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"Set exactly one of confiture.tenants.schemas.* or confiture.tenants.databases.*"));
	}

	private static List<String> query(ScratchDatabase database, String sql) {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (rows.next()) {
				values.add(rows.getString(1));
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSources {

		@Bean
		@Primary
		DataSource mainDataSource(String mainUrl) {
			return dataSource(mainUrl);
		}

		@Bean
		DataSource reportingDataSource(String reportingUrl) {
			return dataSource(reportingUrl);
		}

		@Bean
		ReportReader reportReader(
				@org.springframework.beans.factory.annotation.Qualifier("reportingDataSource") DataSource reportingDataSource)
				throws SQLException {
			return new ReportReader(reportingDataSource);
		}

		private static DataSource dataSource(String url) {
			SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url);
			dataSource.setUsername(PostgresServers.shared().settings("postgres").user());
			dataSource.setPassword(PostgresServers.shared().settings("postgres").password());
			return dataSource;
		}

	}

	/** Reads the reporting database while it is created, as a repository would. */
	static final class ReportReader {

		final List<String> titles = new ArrayList<>();

		ReportReader(DataSource dataSource) throws SQLException {
			try (Connection connection = dataSource.getConnection();
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT title FROM report")) {
				while (rows.next()) {
					this.titles.add(rows.getString(1));
				}
			}
		}

	}

}
