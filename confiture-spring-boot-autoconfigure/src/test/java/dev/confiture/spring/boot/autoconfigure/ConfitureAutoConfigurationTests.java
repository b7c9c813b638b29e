package dev.confiture.spring.boot.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.migrate.JavaMigration;
import dev.confiture.core.migrate.MigrationCounts;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ConfitureAutoConfiguration}.
 */
class ConfitureAutoConfigurationTests {

	private ScratchDatabase database;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void setUp() {
		this.database = PostgresServers.shared().createDatabase();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, ConfitureAutoConfiguration.class,
							JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.settings().jdbcUrl(),
					"spring.datasource.username=" + this.database.settings().user());
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void backsOffWithoutDataSourceOrUrl() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ConfitureAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(Confiture.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("confiture.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(Confiture.class)
				.doesNotHaveBean(ConfitureMigrationInitializer.class));
	}

	@Test
	void emptyDatabaseIsBuiltWithSeedsAndMigrationsBaselined() {
		this.contextRunner.withPropertyValues("confiture.seed-profiles=common,development").run((context) -> {
			assertThat(context).hasSingleBean(Confiture.class)
				.hasSingleBean(ConfitureMigrationInitializer.class)
				.hasSingleBean(ConfitureSchemaManagementProvider.class);
			assertThat(query("SELECT title FROM book")).containsExactly("The Dispossessed");
			assertThat(query("SELECT version || ' ' || kind FROM confiture_migrations"))
				.containsExactly("001 baseline");
			ConfitureRunState state = context.getBean(ConfitureRunState.class);
			assertThat(state.lastRun().action()).isEqualTo("build");
			assertThat(state.lastRun().versions()).containsExactly("001");
			assertThat(state.counts()).isEqualTo(new MigrationCounts(1, 0, false));
		});
	}

	@Test
	void badlyNamedMigrationStopsTheStartBeforeAnythingIsApplied(@TempDir Path migrations)
			throws IOException, SQLException {
		Files.writeString(migrations.resolve("001_create_author.up.sql"), "CREATE TABLE author (id int);");
		Files.writeString(migrations.resolve("002 add bio.sql"), "ALTER TABLE author ADD bio text;");
		this.contextRunner.withPropertyValues("confiture.migration-locations=" + migrations.toUri()).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).rootCause()
				.hasMessageContaining("002 add bio.sql: not a migration file name")
				.hasMessageContaining("rename it to 002_add_bio.up.sql");
			assertThat(context.getStartupFailure()).hasStackTraceContaining("afterPropertiesSet");
		});
		assertThat(query("SELECT to_regclass('confiture_migrations')::text || to_regclass('author')::text"))
			.containsExactly((String) null);
	}

	@Test
	void secondStartMigratesTheExistingDatabase() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("confiture.migration-locations=classpath:evolved/migrations")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ConfitureRunState state = context.getBean(ConfitureRunState.class);
				assertThat(state.lastRun().action()).isEqualTo("migrate");
				assertThat(state.lastRun().versions()).containsExactly("002");
				assertThat(query("SELECT column_name::text FROM information_schema.columns "
						+ "WHERE table_name = 'author' AND column_name = 'bio'"))
					.containsExactly("bio");
			});
	}

	@Test
	void databaseWithOldSchemaAndNoTrackingTableIsNotMigratedFromTheFirstMigration() throws SQLException {
		execute("CREATE TABLE author (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, name TEXT NOT NULL UNIQUE);"
				+ "CREATE TABLE book (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, "
				+ "author_id BIGINT NOT NULL REFERENCES author (id), title TEXT NOT NULL);"
				+ "INSERT INTO author (name) VALUES ('kept')");
		this.contextRunner.run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("already has a schema (table public.author, table public.book)",
						"but no tracking table confiture_migrations", "nothing was run")
				.doesNotContain("Flyway");
			assertThat(analysis.getAction()).contains("confiture init --from-database --env application --baseline",
					"confiture migrate baseline VERSION", "confiture.baseline-on-first-start=true");
			assertThat(query("SELECT to_regclass('confiture_migrations')::text")).containsExactly((String) null);
			assertThat(query("SELECT name FROM author")).containsExactly("kept");
		});
	}

	@Test
	void buildModeRefusesANonEmptyDatabaseWithAnActionableAnalysis() throws SQLException {
		execute("CREATE TABLE legacy (id int)");
		this.contextRunner.withPropertyValues("confiture.mode=build").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("is not empty: it has table public.legacy");
			assertThat(analysis.getAction()).contains("confiture.mode=migrate").doesNotContain("--");
		});
	}

	@Test
	void lintModeFailRefusesToStartWithTheAnalyzersTextAndAppliesNothing() {
		this.contextRunner.withPropertyValues("confiture.mode=build")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner
			.withPropertyValues("confiture.migration-locations=classpath:unsafe/migrations", "confiture.lint.mode=fail")
			.run((context) -> {
				assertThat(context).hasFailed();
				Throwable failure = context.getStartupFailure();
				FailureAnalysis analysis = new ConfitureLintFailureAnalyzer().analyze(failure);
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("lint found 1 error(s); nothing was applied")
					.contains("index-without-concurrently at ")
					.contains("002_author_index.up.sql:3")
					.contains("Safe alternative: Use CREATE INDEX CONCURRENTLY");
				assertThat(analysis.getAction()).contains("confiture.lint.mode=warn")
					.contains("-- confiture:allow RULE reason");
			});
		assertThat(queryUnchecked("SELECT count(*)::text FROM pg_class WHERE relname = 'author_name_lower'"))
			.containsExactly("0");
		assertThat(queryUnchecked("SELECT version FROM confiture_migrations ORDER BY 1")).containsExactly("001");
	}

	@Test
	void lintModeWarnRecordsTheFindingsAndMigrates() {
		this.contextRunner.withPropertyValues("confiture.mode=build")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("confiture.migration-locations=classpath:unsafe/migrations")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ConfitureRunState state = context.getBean(ConfitureRunState.class);
				assertThat(state.lint()).extracting((finding) -> finding.rule().id())
					.containsExactly("index-without-concurrently");
			});
		assertThat(queryUnchecked("SELECT version FROM confiture_migrations ORDER BY 1")).containsExactly("001", "002");
	}

	@Test
	void startupLintsFromTheTextUnlessMeasureIsSet() {
		this.contextRunner.withPropertyValues("confiture.mode=build")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner
			.withPropertyValues("confiture.migration-locations=classpath:unsafe/migrations", "confiture.lint.mode=fail")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("index-without-concurrently")
					.message()
					.doesNotContain("until commit");
			});
		this.contextRunner
			.withPropertyValues("confiture.migration-locations=classpath:unsafe/migrations", "confiture.lint.mode=fail",
					"confiture.lint.measure=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.hasMessageContaining("index-without-concurrently")
					.hasMessageContaining("holds AccessExclusiveLock until commit");
			});
		this.contextRunner
			.withPropertyValues("confiture.migration-locations=classpath:unsafe/migrations",
					"confiture.lint.measure=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ConfitureRunState.class).lint()).singleElement()
					.satisfies((finding) -> assertThat(finding.measured()).isTrue());
			});
		this.contextRunner
			.withPropertyValues("confiture.migration-locations=classpath:unsafe/migrations", "confiture.lint.mode=fail",
					"confiture.lint.measure=true")
			.run((context) -> {
				assertThat(context).as("nothing is pending: no lint").hasNotFailed();
				assertThat(context.getBean(ConfitureRunState.class).lint()).isEmpty();
			});
	}

	@Test
	void silentServerStopsStartupWithTheHostNamedInsteadOfHanging() throws Exception {
		try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			String address = "127.0.0.1:" + silent.getLocalPort();
			this.contextRunner
				.withPropertyValues("confiture.url=jdbc:postgresql://" + address + "/app", "confiture.login-timeout=1s")
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains(address).contains("login timeout of 1 s");
				});
		}
	}

	@Test
	void failingMigrationStopsStartupNamingFileAndLineAndLeavesNothingBehind() {
		this.contextRunner.withPropertyValues("confiture.mode=build")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("confiture.migration-locations=classpath:broken/migrations")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("002_broken.up.sql:3")
					.contains("relation \"nowhere\" does not exist")
					.contains("42P01");
			});
		assertThat(queryUnchecked("SELECT count(*)::text FROM pg_class WHERE relname = 'review'")).containsExactly("0");
		assertThat(queryUnchecked("SELECT version FROM confiture_migrations ORDER BY 1")).containsExactly("001");
	}

	@Test
	void editedAppliedMigrationStopsStartupNamingBothChecksums() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("confiture.migration-locations=classpath:edited/migrations")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("001").containsPattern("[0-9a-f]{12}");
				assertThat(analysis.getDescription() + analysis.getAction()).containsIgnoringCase("new migration");
				assertThat(analysis.getAction()).contains("confiture.on-checksum-mismatch=warn").doesNotContain("--");
			});
		this.contextRunner
			.withPropertyValues("confiture.migration-locations=classpath:edited/migrations",
					"confiture.on-checksum-mismatch=warn")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void lockWaitExceededNamesTheHolder() throws Exception {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		try (Connection holder = this.database.connect()) {
			holder.setAutoCommit(false);
			Confiture.configure()
				.environment(new dev.confiture.core.config.Environment("holder", null, java.nio.file.Path.of("."),
						List.of(), List.of(), List.of(), this.database.settings(), java.nio.file.Path.of("none"),
						"confiture_migrations"))
				.load()
				.migrator()
				.build()
				.lockTransaction(holder);
			this.contextRunner
				.withPropertyValues("confiture.migration-locations=classpath:evolved/migrations",
						"confiture.lock-wait=500ms")
				.run((context) -> {
					assertThat(context).hasFailed();
					FailureAnalysis analysis = analyze(context.getStartupFailure());
					assertThat(analysis.getDescription()).contains("Could not acquire the migration lock")
						.contains("held by pid");
					assertThat(analysis.getAction()).contains("confiture.lock-wait").doesNotContain("--lock-wait");
				});
			holder.rollback();
		}
	}

	@Test
	void validateModeFailsOnPendingMigrations() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner
			.withPropertyValues("confiture.mode=validate", "confiture.migration-locations=classpath:evolved/migrations")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription())
					.contains("confiture.mode=validate: 1 pending migration: 002_add_author_bio");
				assertThat(analysis.getAction()).contains("confiture.mode=migrate").doesNotContain("migrate up");
			});
		this.contextRunner.withPropertyValues("confiture.mode=validate")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void validateModeOnADatabaseNeverInitializedSaysHowToStartOnce() {
		this.contextRunner.withPropertyValues("confiture.mode=validate").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription())
				.contains("confiture.mode=validate, but the database has no tracking table");
			assertThat(analysis.getAction()).contains("confiture.mode=auto or confiture.mode=migrate")
				.doesNotContain("confiture build");
		});
		assertThat(queryUnchecked("SELECT to_regclass('author')::text")).containsExactly((String) null);
	}

	@Test
	void validateModeWithDriftCheckNamesWhatDiffersFromTheSchemaFiles() throws SQLException {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("confiture.mode=validate", "confiture.check-drift=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(ConfitureRunState.class).drift()).isEmpty();
			});
		execute("ALTER TABLE author ADD COLUMN nickname text");
		this.contextRunner.withPropertyValues("confiture.mode=validate", "confiture.check-drift=true")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyze(context.getStartupFailure()).getDescription())
					.contains("differs from a fresh build of the schema files")
					.contains("nickname");
			});
		this.contextRunner.withPropertyValues("confiture.check-drift=true").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ConfitureRunState.class).drift()).singleElement()
				.asString()
				.contains("nickname");
		});
	}

	@Test
	void javaMigrationBeansAreApplied() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withUserConfiguration(JavaMigrationConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(query("SELECT name FROM author")).contains("From a Java migration");
			assertThat(query("SELECT version || ' ' || kind FROM confiture_migrations ORDER BY 1"))
				.containsExactly("001 baseline", "002 java");
		});
	}

	@Test
	void javaMigrationsAreFoundInConfiguredPackages() {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner
			.withPropertyValues("confiture.java-migrations-package=dev.confiture.spring.boot.testmigrations")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(query("SELECT name FROM author")).contains("Reviewer");
			});
	}

	@Test
	void confitureDataSourceIsUsedInsteadOfTheMainOne() {
		try (ScratchDatabase other = PostgresServers.shared().createDatabase()) {
			this.contextRunner
				.withBean("ddlDataSource", DataSource.class,
						() -> new org.springframework.jdbc.datasource.SimpleDriverDataSource(
								new org.postgresql.Driver(), other.settings().jdbcUrl(), other.settings().user(), ""),
						(definition) -> {
							definition.setAutowireCandidate(true);
							((org.springframework.beans.factory.support.AbstractBeanDefinition) definition)
								.setDefaultCandidate(false);
							((org.springframework.beans.factory.support.AbstractBeanDefinition) definition)
								.addQualifier(new org.springframework.beans.factory.support.AutowireCandidateQualifier(
										ConfitureDataSource.class));
						})
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(query("SELECT count(*)::text FROM pg_class WHERE relname = 'book'"))
						.containsExactly("0");
					try (Connection connection = other.connect();
							Statement statement = connection.createStatement();
							ResultSet rows = statement
								.executeQuery("SELECT count(*) FROM pg_class WHERE relname = 'book'")) {
						rows.next();
						assertThat(rows.getInt(1)).isOne();
					}
				});
		}
	}

	@Test
	void customStrategyReplacesTheMode() {
		this.contextRunner.withUserConfiguration(StrategyConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ConfitureRunState.class).lastRun().action()).isEqualTo("strategy");
			assertThat(query("SELECT count(*)::text FROM pg_class WHERE relname = 'book'")).containsExactly("0");
		});
	}

	@Test
	void jdbcClientDependsOnConfiture() {
		this.contextRunner.run((context) -> {
			assertThat(context.getBeanFactory().getBeanDefinition("jdbcClient").getDependsOn())
				.contains("confitureMigrationInitializer", "confiture");
			assertThat(context.getBean(JdbcClient.class).sql("SELECT count(*) FROM author").query(Long.class).single())
				.isZero();
		});
	}

	@Test
	void contextsStartingAtOnceOnOneEmptyDatabaseBuildItOnce() throws Exception {
		int instances = 4;
		java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(instances);
		java.util.concurrent.ExecutorService executor = java.util.concurrent.Executors.newFixedThreadPool(instances);
		try {
			List<java.util.concurrent.Future<String>> actions = new ArrayList<>();
			for (int i = 0; i < instances; i++) {
				actions.add(executor.submit(() -> {
					barrier.await();
					String[] action = new String[1];
					this.contextRunner.run((context) -> {
						assertThat(context).hasNotFailed();
						action[0] = context.getBean(ConfitureRunState.class).lastRun().action();
					});
					return action[0];
				}));
			}
			List<String> done = new ArrayList<>();
			for (java.util.concurrent.Future<String> action : actions) {
				done.add(action.get(2, java.util.concurrent.TimeUnit.MINUTES));
			}
			assertThat(done).containsOnlyOnce("build").contains("migrate");
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(query("SELECT count(*)::text FROM confiture_builds")).containsExactly("1");
		assertThat(query("SELECT version FROM confiture_migrations")).containsExactly("001");
	}

	@Test
	void unknownPropertyUnderConfitureFailsStartup() {
		this.contextRunner.withPropertyValues("confiture.schema-location=classpath:db/schema")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void nonPostgresDatabaseIsRefusedWithAClearMessageWhenTheModeIsSet() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ConfitureAutoConfiguration.class))
			.withPropertyValues("confiture.mode=migrate")
			.withBean(DataSource.class,
					() -> new org.springframework.jdbc.datasource.SimpleDriverDataSource(new org.h2.Driver(),
							"jdbc:h2:mem:confiture;USER=sa;PASSWORD=secret"))
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(analyze(context.getStartupFailure()).getDescription())
					.contains("Confiture manages PostgreSQL")
					.contains("H2")
					.contains("confiture.mode is set")
					.doesNotContain("secret");
			});
	}

	@Test
	void worksWithoutActuatorOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.boot.actuate"))
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(Confiture.class));
	}

	private static FailureAnalysis analyze(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof ConfitureException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a ConfitureException in %s", failure).isNotNull();
		return new ConfitureFailureAnalyzer().analyze(failure);
	}

	private void execute(String sql) throws SQLException {
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private List<String> query(String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	private List<String> queryUnchecked(String sql) {
		try {
			return query(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class JavaMigrationConfiguration {

		@Bean
		JavaMigration addAuthor() {
			return new JavaMigration() {

				@Override
				public String version() {
					return "002";
				}

				@Override
				public String name() {
					return "add_author";
				}

				@Override
				public void up(Context context) throws java.sql.SQLException {
					context.execute("INSERT INTO author (name) VALUES ('From a Java migration')");
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StrategyConfiguration {

		@Bean
		ConfitureMigrationStrategy doNothing() {
			return (confiture) -> {
			};
		}

	}

}
