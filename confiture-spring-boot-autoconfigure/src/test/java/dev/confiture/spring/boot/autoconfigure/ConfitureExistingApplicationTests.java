package dev.confiture.spring.boot.autoconfigure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.spring.boot.actuate.ConfitureEndpoint;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a team adding the starter to an existing application runs into: an H2 test
 * database, spring.sql.init, misspelt seed profiles and properties, and migrations
 * missing from the schema files.
 */
@ExtendWith(OutputCaptureExtension.class)
class ConfitureExistingApplicationTests {

	private ScratchDatabase database;

	private ApplicationContextRunner contextRunner;

	@BeforeEach
	void setUp() {
		this.database = PostgresServers.shared().createDatabase();
		this.contextRunner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, ConfitureAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + this.database.settings().jdbcUrl(),
					"spring.datasource.username=" + this.database.settings().user());
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void h2DatabaseIsSkippedWithOneWarning(CapturedOutput output) {
		h2Runner().run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context.getBean(ConfitureRunState.class).lastRun().action()).isEqualTo("skipped");
		});
		assertThat(output).containsOnlyOnce("Confiture: skipped, the database is H2")
			.contains("confiture.on-unsupported-database=fail")
			.doesNotContain("secret");
	}

	@Test
	void h2DatabaseFailsWhenAskedTo() {
		h2Runner().withPropertyValues("confiture.on-unsupported-database=fail").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(analyze(context.getStartupFailure()).getDescription()).contains("the database is H2")
				.contains("confiture.on-unsupported-database=fail");
		});
	}

	@Test
	void h2DatabaseFailsWhenTheModeIsSetExplicitly() {
		h2Runner().withPropertyValues("confiture.mode=migrate").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(analyze(context.getStartupFailure()).getDescription()).contains("the database is H2")
				.contains("confiture.mode is set, so Confiture is expected to run")
				.doesNotContain("secret");
		});
	}

	@Test
	void h2DatabaseIsSkippedWhenAskedToEvenWithAMode() {
		h2Runner().withPropertyValues("confiture.mode=migrate", "confiture.on-unsupported-database=skip")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void unknownSeedProfileFailsWithDidYouMeanAndBuildsNothing() throws SQLException {
		this.contextRunner.withPropertyValues("confiture.seed-profiles=comon").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("confiture.seed-profiles names 'comon'")
				.contains("known profiles: common, development");
			assertThat(analysis.getAction()).contains("Did you mean 'common'?");
		});
		assertThat(query("SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
	}

	@Test
	void sqlInitTogetherWithConfitureFailsSayingWhichToTurnOff() throws SQLException {
		this.contextRunner.withPropertyValues("spring.sql.init.mode=always").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = analyze(context.getStartupFailure());
			assertThat(analysis.getDescription()).contains("spring.sql.init.mode=always");
			assertThat(analysis.getAction()).contains("set spring.sql.init.mode=never")
				.contains("set confiture.enabled=false");
		});
		assertThat(query("SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
	}

	@Test
	void migrationMissingFromTheSchemaFilesStopsTheBuild() throws SQLException {
		this.contextRunner.withPropertyValues("confiture.migration-locations=classpath:unmirrored/migrations")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains(
						"002_add_owner_email (classpath:unmirrored/migrations/002_add_owner_email.up.sql) adds column "
								+ "public.author.owner_email text")
					.doesNotContain("001_add_book_isbn (");
				assertThat(analysis.getAction()).contains("confiture.prove-baseline=false");
			});
		assertThat(query("SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
		this.contextRunner
			.withPropertyValues("confiture.migration-locations=classpath:unmirrored/migrations",
					"confiture.prove-baseline=false")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(query("SELECT count(*)::text FROM confiture_migrations")).containsExactly("2");
	}

	@Test
	void buildLogsTheRecordedDurationAndSingularNouns(CapturedOutput output) throws SQLException {
		this.contextRunner.withPropertyValues("confiture.seed-profiles=common").run((context) -> {
			assertThat(context).hasNotFailed();
		});
		String millis = query("SELECT duration_ms::text FROM confiture_builds").get(0);
		assertThat(output).contains("and 1 seed file (")
			.contains("marked 1 migration as applied (proven contained in the schema files) in " + millis + " ms");
	}

	@Test
	void unknownConfitureProperty() {
		this.contextRunner.withPropertyValues("confiture.seed-profile=common").run((context) -> {
			assertThat(context).hasFailed();
			FailureAnalysis analysis = new ConfitureUnknownPropertyFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("Unknown property confiture.seed-profile");
			assertThat(analysis.getAction()).contains("Did you mean confiture.seed-profiles");
		});
	}

	@Test
	void unknownConfiturePropertyIsOnlyReportedWhenConfitureIsOff(CapturedOutput output) throws SQLException {
		this.contextRunner.withConfiguration(AutoConfigurations.of(ConfitureDisabledAutoConfiguration.class))
			.withPropertyValues("confiture.enabled=false", "confiture.seed-profile=common", "confiture.modde=build")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ConfitureMigrationInitializer.class);
			});
		assertThat(output).contains("Unknown property confiture.seed-profile")
			.contains("did you mean confiture.seed-profiles?")
			.contains("Unknown property confiture.modde")
			.contains("did you mean confiture.mode?")
			.contains("Confiture is turned off (confiture.enabled=false), so it is only reported");
		assertThat(query("SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
	}

	@Test
	void confitureOffWithKnownPropertiesReportsNothing(CapturedOutput output) {
		this.contextRunner.withConfiguration(AutoConfigurations.of(ConfitureDisabledAutoConfiguration.class))
			.withPropertyValues("confiture.enabled=false", "confiture.seed-profiles=common",
					"confiture.targets.a.url=x")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("Unknown property");
	}

	@Test
	void misspeltEnabledDoesNotTurnConfitureOffAndIsNamed() throws SQLException {
		this.contextRunner.withConfiguration(AutoConfigurations.of(ConfitureDisabledAutoConfiguration.class))
			.withPropertyValues("confiture.enabeld=false")
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new ConfitureUnknownPropertyFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis).isNotNull();
				assertThat(analysis.getDescription()).contains("Unknown property confiture.enabeld");
				assertThat(analysis.getAction())
					.contains("Did you mean confiture.enabled instead of confiture.enabeld?");
			});
		assertThat(query("SELECT count(*)::text FROM pg_tables WHERE schemaname = 'public'")).containsExactly("0");
	}

	@Test
	void appliedMigrationWithoutDownFileIsAppliedAndNotReversible() {
		this.contextRunner.withPropertyValues("confiture.migration-locations=classpath:irreversible/migrations")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ConfitureEndpoint endpoint = new ConfitureEndpoint("application",
						Map.of("confiture", context.getBean(Confiture.class)),
						context.getBean(ConfitureProperties.class), context.getBean(ConfitureRunState.class), null);
				assertThat(endpoint.confitureBeans()
					.getContexts()
					.get("application")
					.getConfitureBeans()
					.get("confiture")
					.getMigrations()).singleElement().satisfies((migration) -> {
						assertThat(migration.getState()).isEqualTo("APPLIED");
						assertThat(migration.isReversible()).isFalse();
					});
			});
	}

	private ApplicationContextRunner h2Runner() {
		return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(ConfitureAutoConfiguration.class))
			.withBean(DataSource.class, () -> new SimpleDriverDataSource(new org.h2.Driver(),
					"jdbc:h2:mem:existing;USER=sa;PASSWORD=secret"));
	}

	private static FailureAnalysis analyze(Throwable failure) {
		Throwable cause = failure;
		while (cause != null && !(cause instanceof ConfitureException)) {
			cause = cause.getCause();
		}
		assertThat(cause).as("a ConfitureException in %s", failure).isNotNull();
		return new ConfitureFailureAnalyzer().analyze(failure);
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

}
