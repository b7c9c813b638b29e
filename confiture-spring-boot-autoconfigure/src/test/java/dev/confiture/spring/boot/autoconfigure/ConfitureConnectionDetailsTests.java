package dev.confiture.spring.boot.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConfitureConnectionDetails}.
 */
class ConfitureConnectionDetailsTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, ConfitureAutoConfiguration.class));

	@Test
	void defaultDetailsComeFromConfitureProperties() {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://localhost:1/app", "confiture.mode=none",
					"confiture.url=jdbc:postgresql://localhost:1/ddl", "confiture.user=ddl",
					"confiture.password=secret")
			.run((context) -> {
				ConfitureConnectionDetails details = context.getBean(ConfitureConnectionDetails.class);
				assertThat(details).isInstanceOf(PropertiesConfitureConnectionDetails.class);
				assertThat(details.getJdbcUrl()).isEqualTo("jdbc:postgresql://localhost:1/ddl");
				assertThat(details.getUsername()).isEqualTo("ddl");
				assertThat(details.getPassword()).isEqualTo("secret");
			});
	}

	@Test
	void aDetailsBeanPointsConfitureAtAnotherDatabaseThanTheApplicationsDataSource() throws SQLException {
		try (ScratchDatabase application = PostgresServers.shared().createDatabase();
				ScratchDatabase ddl = PostgresServers.shared().createDatabase()) {
			ConfitureConnectionDetails details = new ConfitureConnectionDetails() {

				@Override
				public String getJdbcUrl() {
					return ddl.settings().jdbcUrl();
				}

				@Override
				public String getUsername() {
					return ddl.settings().user();
				}

				@Override
				public String getPassword() {
					return ddl.settings().password();
				}

			};
			this.contextRunner.withBean(ConfitureConnectionDetails.class, () -> details)
				.withPropertyValues("spring.datasource.url=" + application.settings().jdbcUrl(),
						"spring.datasource.username=" + application.settings().user())
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context).doesNotHaveBean(PropertiesConfitureConnectionDetails.class);
				});
			assertThat(count(ddl, "confiture_migrations")).isEqualTo(1);
			assertThat(count(application, "confiture_migrations")).isZero();
		}
	}

	private static int count(ScratchDatabase database, String table) throws SQLException {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement
					.executeQuery("SELECT count(*) FROM pg_class WHERE relname = '" + table + "' AND relkind = 'r'")) {
			rows.next();
			return rows.getInt(1);
		}
	}

}
