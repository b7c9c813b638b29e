package dev.confiture.spring.boot.test.autoconfigure;

import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.confiture.core.Confiture;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.spring.boot.autoconfigure.ConfitureAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConfitureTestDatabaseAutoConfiguration}.
 */
class ConfitureTestDatabaseAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ConfitureTestDatabaseAutoConfiguration.class,
				DataSourceAutoConfiguration.class, ConfitureAutoConfiguration.class));

	@Test
	void replacesTheDataSourceAndPointsConfitureAtIt() {
		this.contextRunner.withPropertyValues("confiture.url=jdbc:postgresql://unreachable.invalid:1/app")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(DataSource.class);
				ConfitureTestDataSource dataSource = context.getBean(ConfitureTestDataSource.class);
				assertThat(context.getBean(Confiture.class).databaseDescription())
					.isEqualTo("the application's DataSource");
				assertThat(TestDatabases.query(dataSource, "SELECT count(*) FROM customer")).containsExactly("0");
			});
	}

	@Test
	void usesTheConfiguredSeedProfilesWithoutTheAnnotation() {
		this.contextRunner.withPropertyValues("confiture.seed-profiles=development")
			.run((context) -> assertThat(
					TestDatabases.query(context.getBean(DataSource.class), "SELECT email FROM customer"))
				.containsExactly("development@example.com"));
	}

	@Test
	void dropsItsDatabasesWhenTheContextCloses() {
		AtomicReference<String> database = new AtomicReference<>();
		this.contextRunner
			.run((context) -> database.set(context.getBean(ConfitureTestDataSource.class).getDatabaseName()));
		PostgresServer server = PostgresServers.shared();
		try (ScratchQuery query = new ScratchQuery(server)) {
			assertThat(query.databaseExists(database.get())).isFalse();
		}
	}

	@Test
	void testServerSystemPropertyIsNotAnUnknownConfitureProperty() {
		PostgresServer server = PostgresServers.shared();
		this.contextRunner
			.withSystemProperties(
					PostgresServers.URL_PROPERTY + "=" + server.settings(server.adminDatabase()).jdbcUrl())
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ConfitureTestDataSource.class));
	}

	@Test
	void backsOffWhenConfitureIsDisabled() {
		PostgresServer server = PostgresServers.shared();
		this.contextRunner
			.withPropertyValues("confiture.enabled=false",
					"spring.datasource.url=" + server.settings(server.adminDatabase()).jdbcUrl(),
					"spring.datasource.username=" + server.settings(server.adminDatabase()).user())
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DataSource.class)
				.doesNotHaveBean(ConfitureTestDataSource.class)
				.doesNotHaveBean(Confiture.class));
	}

	/**
	 * Reads {@code pg_database} on a server.
	 */
	private record ScratchQuery(PostgresServer server) implements AutoCloseable {

		boolean databaseExists(String name) {
			try (var connection = this.server.connect(this.server.adminDatabase());
					var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
				statement.setString(1, name);
				try (var result = statement.executeQuery()) {
					return result.next();
				}
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public void close() {
		}

	}

}
