package dev.confiture.spring.boot.test.autoconfigure;

import javax.sql.DataSource;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.confiture.spring.boot.autoconfigure.ConfitureTargets;
import dev.confiture.spring.boot.test.autoconfigure.AutoConfigureConfiture.Refresh;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ConfitureTest} with a named target: the target's {@code DataSource} bean points
 * at clones of a template of its own, refreshed like the main one.
 */
@ConfitureTest(refresh = Refresh.AFTER_EACH_TEST,
		properties = { "confiture.targets.reporting.data-source=reportingDataSource",
				"confiture.targets.reporting.schema-locations=classpath:db/reporting/schema",
				"confiture.targets.reporting.migration-locations=classpath:db/reporting/migrations",
				"confiture.targets.reporting.seed-locations=classpath:db/reporting/seeds" })
@Import(MultipleTargetsTests.ReportingConfiguration.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MultipleTargetsTests {

	@Autowired
	private DataSource main;

	@Autowired
	@Qualifier("reportingDataSource")
	private DataSource reporting;

	@Autowired
	private ConfitureTargets targets;

	@Test
	@Order(1)
	void eachTargetHasATemplateAndATestDatabaseOfItsOwn() {
		assertThat(this.main).isInstanceOf(ConfitureTestDataSource.class);
		assertThat(this.reporting).isInstanceOf(ConfitureTestDataSource.class);
		ConfitureTestDataSource main = (ConfitureTestDataSource) this.main;
		ConfitureTestDataSource reporting = (ConfitureTestDataSource) this.reporting;
		assertThat(reporting.getTemplateName()).startsWith("confiture_tpl_").isNotEqualTo(main.getTemplateName());
		assertThat(reporting.getDatabaseName()).isNotEqualTo(main.getDatabaseName());
		JdbcClient reportingJdbc = JdbcClient.create(this.reporting);
		assertThat(reportingJdbc.sql("SELECT title FROM report").query(String.class).list()).containsExactly("monthly");
		assertThat(reportingJdbc.sql("SELECT version FROM confiture_migrations").query(String.class).list())
			.containsExactly("001");
		assertThat(reportingJdbc.sql("SELECT count(*) FROM pg_tables WHERE tablename = 'customer'")
			.query(Long.class)
			.single()).isZero();
		JdbcClient mainJdbc = JdbcClient.create(this.main);
		assertThat(mainJdbc.sql("SELECT count(*) FROM pg_tables WHERE tablename = 'report'").query(Long.class).single())
			.isZero();
		assertThat(mainJdbc.sql("SELECT count(*) FROM customer").query(Long.class).single()).isEqualTo(2);
		assertThat(this.targets.runs().get("reporting").action()).isEqualTo("migrate");
		assertThat(this.targets.runs().get("reporting").versions()).isEmpty();
		reportingJdbc.sql("INSERT INTO report VALUES (2, 'weekly')").update();
	}

	@Test
	@Order(2)
	void theTargetIsRefreshedLikeTheMainDatabase() {
		assertThat(JdbcClient.create(this.reporting).sql("SELECT title FROM report").query(String.class).list())
			.containsExactly("monthly");
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ReportingConfiguration {

		/**
		 * The application's second DataSource, pointing at a database the test never
		 * reaches.
		 */
		@Bean
		DataSource reportingDataSource() {
			return new SimpleDriverDataSource(new org.postgresql.Driver(),
					"jdbc:postgresql://reporting.invalid:5432/reporting");
		}

	}

}
