package dev.confiture.spring.boot.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.spring.boot.reportapp.Report;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two DataSources, JPA on the second one (a named target): the target is built before the
 * {@code EntityManagerFactory} that validates its tables, and a failure names the target.
 */
class ConfitureTargetsJpaTests {

	private ScratchDatabase main;

	private ScratchDatabase reporting;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void setUp() {
		this.main = PostgresServers.shared().createDatabase();
		this.reporting = PostgresServers.shared().createDatabase();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					ConfitureAutoConfiguration.class, ConfitureTargetsAutoConfiguration.class,
					JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class))
			.withUserConfiguration(ReportingJpa.class)
			.withBean("mainUrl", String.class, () -> this.main.settings().jdbcUrl())
			.withBean("reportingUrl", String.class, () -> this.reporting.settings().jdbcUrl())
			.withPropertyValues("confiture.seed-profiles=common",
					"confiture.targets.reporting.data-source=reportingDataSource",
					"confiture.targets.reporting.migration-locations=classpath:db/reporting/migrations",
					"confiture.targets.reporting.seed-locations=");
	}

	@AfterEach
	void tearDown() {
		this.main.close();
		this.reporting.close();
	}

	@Test
	void entityManagerFactoryOnTheSecondDataSourceValidatesTablesBuiltBeforeIt() {
		this.contextRunner
			.withPropertyValues("confiture.targets.reporting.schema-locations=classpath:db/reporting/schema")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				EntityManager entityManager = context
					.getBean("reportingEntityManagerFactory", EntityManagerFactory.class)
					.createEntityManager();
				try {
					assertThat(entityManager.createQuery("select r from Report r", Report.class).getResultList())
						.extracting(Report::getTitle)
						.containsExactly("monthly");
				}
				finally {
					entityManager.close();
				}
				assertThat(
						context.getBean(JdbcClient.class).sql("SELECT count(*) FROM book").query(Long.class).single())
					.isZero();
				assertThat(tables(this.main)).contains("author", "book").doesNotContain("report");
				assertThat(tables(this.reporting)).contains("report").doesNotContain("book");
				assertThat(context.getBean(ConfitureTargets.class).runs().get("reporting").action()).isEqualTo("build");
			});
	}

	@Test
	void brokenSecondTargetStopsStartupBeforeJpaNamingTheTargetAndCreatesNothing() {
		this.contextRunner.withPropertyValues("confiture.targets.reporting.schema-locations=classpath:db/broken/schema")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				assertThat(failure).hasStackTraceContaining("Confiture target 'reporting'")
					.hasStackTraceContaining("broken.sql:1")
					.hasStackTraceContaining("nowhere")
					.hasStackTraceContaining("reportingEntityManagerFactory")
					.satisfies((ex) -> assertThat(stackTrace(ex)).doesNotContain("Schema-validation"));
				FailureAnalysis analysis = new ConfitureFailureAnalyzer().analyze(failure);
				assertThat(analysis.getDescription())
					.startsWith("Confiture could not initialize the database: Confiture target 'reporting': ");
				assertThat(tables(this.reporting)).isEmpty();
			});
	}

	private static String stackTrace(Throwable ex) {
		java.io.StringWriter writer = new java.io.StringWriter();
		ex.printStackTrace(new java.io.PrintWriter(writer));
		return writer.toString();
	}

	private static List<String> tables(ScratchDatabase database) {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")) {
			List<String> names = new java.util.ArrayList<>();
			while (rows.next()) {
				names.add(rows.getString(1));
			}
			return names;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class ReportingJpa {

		@Bean
		@Primary
		DataSource mainDataSource(@Qualifier("mainUrl") String mainUrl) {
			return dataSource(mainUrl);
		}

		@Bean
		DataSource reportingDataSource(@Qualifier("reportingUrl") String reportingUrl) {
			return dataSource(reportingUrl);
		}

		@Bean
		LocalContainerEntityManagerFactoryBean reportingEntityManagerFactory(
				@Qualifier("reportingDataSource") DataSource reportingDataSource) {
			LocalContainerEntityManagerFactoryBean factory = new LocalContainerEntityManagerFactoryBean();
			factory.setDataSource(reportingDataSource);
			factory.setPackagesToScan(Report.class.getPackageName());
			factory.setJpaVendorAdapter(new HibernateJpaVendorAdapter());
			factory.setJpaPropertyMap(Map.of("hibernate.hbm2ddl.auto", "validate"));
			factory.setPersistenceUnitName("reporting");
			return factory;
		}

		private static DataSource dataSource(String url) {
			SimpleDriverDataSource dataSource = new SimpleDriverDataSource(new org.postgresql.Driver(), url);
			dataSource.setUsername(PostgresServers.shared().settings("postgres").user());
			dataSource.setPassword(PostgresServers.shared().settings("postgres").password());
			return dataSource;
		}

	}

}
