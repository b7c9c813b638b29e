package dev.confiture.spring.boot.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.confiture.core.migrate.JavaMigration;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A named target ({@code confiture.targets.<name>.*}) takes the same properties as the
 * top level: lint, lock and statement timeouts with lock retries, Java migrations (beans
 * and packages) and the drift check, against a real PostgreSQL; its failures name it.
 */
class ConfitureTargetsParityTests {

	private ScratchDatabase main;

	private ScratchDatabase audit;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void setUp() {
		this.main = PostgresServers.shared().createDatabase();
		this.audit = PostgresServers.shared().createDatabase();
		List<String> properties = new ArrayList<>(List.of("spring.datasource.url=" + this.main.settings().jdbcUrl(),
				"spring.datasource.username=" + this.main.settings().user(), "confiture.seed-locations=",
				"confiture.targets.audit.url=" + this.audit.settings().jdbcUrl(),
				"confiture.targets.audit.user=" + this.audit.settings().user(),
				"confiture.targets.audit.seed-locations="));
		if (this.main.settings().password() != null) {
			properties.add("spring.datasource.password=" + this.main.settings().password());
			properties.add("confiture.targets.audit.password=" + this.audit.settings().password());
		}
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					ConfitureAutoConfiguration.class, ConfitureTargetsAutoConfiguration.class))
			.withPropertyValues(properties.toArray(String[]::new));
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(query(this.audit, "SELECT version FROM confiture_migrations ORDER BY 1")).containsExactly("001");
	}

	@AfterEach
	void tearDown() {
		this.main.close();
		this.audit.close();
	}

	@Test
	void lintModeFailRefusesTheTargetsUnsafeMigrationNamingTheTargetAndItsProperty() {
		this.contextRunner
			.withPropertyValues("confiture.targets.audit.migration-locations=classpath:unsafe/migrations",
					"confiture.targets.audit.lint.mode=fail")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ConfitureLintFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).startsWith("Confiture target 'audit': ")
					.contains("lint found 1 error(s); nothing was applied")
					.contains("002_author_index.up.sql:3");
				assertThat(analysis.getAction()).contains("confiture.targets.audit.lint.mode=warn")
					.doesNotContain("confiture.lint.mode");
			});
		assertThat(query(this.audit, "SELECT count(*) FROM pg_class WHERE relname = 'author_name_lower'"))
			.containsExactly("0");
		assertThat(query(this.audit, "SELECT version FROM confiture_migrations ORDER BY 1")).containsExactly("001");
		this.contextRunner.withPropertyValues("confiture.targets.audit.migration-locations=classpath:unsafe/migrations")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ConfitureTargets.class).state("audit").lint())
					.extracting((finding) -> finding.rule().id())
					.containsExactly("index-without-concurrently");
				assertThat(context.getBean(ConfitureRunState.class).lint()).as("the main target's lint").isEmpty();
			});
		assertThat(query(this.audit, "SELECT version FROM confiture_migrations ORDER BY 1")).containsExactly("001",
				"002");
	}

	@Test
	void lockTimeoutAndLockRetriesOfTheTargetApplyToItsMigrations() throws SQLException {
		try (Connection holder = this.audit.connect()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.execute("LOCK TABLE author IN ACCESS SHARE MODE");
			}
			this.contextRunner
				.withPropertyValues("confiture.targets.audit.migration-locations=classpath:evolved/migrations",
						"confiture.targets.audit.lock-timeout=200ms", "confiture.targets.audit.lock-retries=1")
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new ConfitureFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("Confiture target 'audit': ")
						.contains("002_add_author_bio")
						.contains("could not get its lock within")
						.contains("in 2 attempt(s)");
				});
			holder.rollback();
		}
		assertThat(query(this.audit, "SELECT count(*) FROM pg_attribute WHERE attname = 'bio'")).containsExactly("0");
		assertThat(query(this.audit, "SELECT version FROM confiture_migrations ORDER BY 1")).containsExactly("001");
	}

	@Test
	void statementTimeoutOfTheTargetCancelsItsBlockedMigration() throws SQLException {
		try (Connection holder = this.audit.connect()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.execute("LOCK TABLE author IN ACCESS SHARE MODE");
			}
			this.contextRunner
				.withPropertyValues("confiture.targets.audit.migration-locations=classpath:evolved/migrations",
						"confiture.targets.audit.lock-timeout=0", "confiture.targets.audit.statement-timeout=300ms")
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = new ConfitureFailureAnalyzer().analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("Confiture target 'audit': ")
						.contains("002_add_author_bio")
						.contains("statement timeout");
				});
			holder.rollback();
		}
		assertThat(query(this.audit, "SELECT version FROM confiture_migrations ORDER BY 1")).containsExactly("001");
	}

	@Test
	void javaMigrationBeansMarkedForTheTargetAndItsPackagesAreAppliedThereOnly() {
		this.contextRunner.withUserConfiguration(AuditJavaMigration.class)
			.withPropertyValues(
					"confiture.targets.audit.java-migrations-package=dev.confiture.spring.boot.testmigrations")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(query(this.audit, "SELECT name FROM author ORDER BY name")).containsExactly("From audit",
				"Reviewer");
		assertThat(query(this.audit, "SELECT version || ' ' || kind FROM confiture_migrations ORDER BY 1"))
			.containsExactly("001 baseline", "002 java", "005 java");
		assertThat(query(this.main, "SELECT count(*) FROM author")).containsExactly("0");
		assertThat(query(this.main, "SELECT version FROM confiture_migrations ORDER BY 1")).containsExactly("001");
	}

	@Test
	void javaMigrationBeanMarkedForAnUnknownTargetIsRefusedBeforeAnythingRuns() {
		this.contextRunner.withUserConfiguration(MisspelledJavaMigration.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining(
						"Java migration bean 'misspelled' is marked @ConfitureTarget(\"audt\"), but there is "
								+ "no such target (did you mean 'audit'?); targets: main, audit");
		});
		assertThat(query(this.main, "SELECT count(*) FROM author")).containsExactly("0");
		assertThat(query(this.audit, "SELECT count(*) FROM author")).containsExactly("0");
	}

	@Test
	void driftCheckOfTheTargetNamesWhatDiffersAndValidateModeFailsNamingTheTarget() throws SQLException {
		this.contextRunner.withPropertyValues("confiture.targets.audit.check-drift=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ConfitureTargets.class).state("audit").drift()).isEmpty();
		});
		try (Connection connection = this.audit.connect(); Statement statement = connection.createStatement()) {
			statement.execute("ALTER TABLE author ADD COLUMN nickname text");
		}
		this.contextRunner.withPropertyValues("confiture.targets.audit.check-drift=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ConfitureTargets.class).state("audit").drift()).singleElement()
				.asString()
				.contains("nickname");
			assertThat(context.getBean(ConfitureRunState.class).drift()).as("the main target's drift").isEmpty();
		});
		this.contextRunner
			.withPropertyValues("confiture.targets.audit.check-drift=true", "confiture.targets.audit.mode=validate")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ConfitureFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.contains("Confiture target 'audit': confiture.targets.audit.mode=validate: the database differs "
							+ "from a fresh build of the schema files")
					.contains("nickname");
			});
	}

	@Test
	void nestedTargetsTenantsOrCoordinationOfATargetAreRefused() {
		for (String property : List.of("confiture.targets.audit.targets.other.url=jdbc:postgresql://x/y",
				"confiture.targets.audit.tenants.schemas.like=tenant_%",
				"confiture.targets.audit.coordination.enabled=true")) {
			this.contextRunner.withPropertyValues(property).run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("Confiture target 'audit': confiture.targets.audit.")
					.hasMessageContaining("is not supported");
			});
		}
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

	private static JavaMigration insertAuthor(String version, String name) {
		return new JavaMigration() {

			@Override
			public String version() {
				return version;
			}

			@Override
			public String name() {
				return "insert_author";
			}

			@Override
			public void up(Context context) throws SQLException {
				context.execute("INSERT INTO author (name) VALUES ('" + name + "')");
			}

		};
	}

	@Configuration(proxyBeanMethods = false)
	static class AuditJavaMigration {

		@Bean
		@ConfitureTarget("audit")
		JavaMigration auditAuthor() {
			return insertAuthor("002", "From audit");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MisspelledJavaMigration {

		@Bean
		@ConfitureTarget("audt")
		JavaMigration misspelled() {
			return insertAuthor("002", "Misspelled");
		}

	}

}
