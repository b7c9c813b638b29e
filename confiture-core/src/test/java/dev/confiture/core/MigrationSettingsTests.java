package dev.confiture.core;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.confiture.core.config.ConfigurationException;
import dev.confiture.core.config.MigrationSettings;
import dev.confiture.core.lint.LintMode;
import dev.confiture.core.migrate.MigrateOptions;
import dev.confiture.core.migrate.MigrationTimeouts;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The keys of an environment file that guard its migrations ({@code lint},
 * {@code lint_measure}, {@code lock_timeout}, {@code statement_timeout},
 * {@code lock_retries}): read from the file, overridden by the caller, defaults
 * otherwise.
 */
class MigrationSettingsTests {

	private static final String SEEN = "CREATE TABLE seen AS SELECT current_setting('lock_timeout') AS lock_timeout, "
			+ "current_setting('statement_timeout') AS statement_timeout;\n";

	@TempDir
	Path root;

	TestProject project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() {
		this.project = new TestProject(this.root);
		this.project.directory("db/schema");
		this.project.file("db/migrations/001_seen.up.sql", SEEN);
		this.database = PostgresServers.shared().createDatabase();
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void timeoutsOfTheEnvironmentFileApplyToEveryMigrationTransaction() throws SQLException {
		environment("local", "lock_timeout: 2s\nstatement_timeout: 1m\nlock_retries: 1\n");
		confiture("local", null).migrate(MigrateOptions.defaults());
		assertThat(seen()).containsExactly("2s", "1min");
	}

	@Test
	void theCallersSettingsTakePrecedenceOverTheFile() throws SQLException {
		environment("local", "lock_timeout: 2s\nstatement_timeout: 1m\nlint: fail\n");
		Confiture confiture = confiture("local", new MigrationSettings("off", null, Duration.ofSeconds(3), null, null));
		assertThat(confiture.lintMode()).isEqualTo(LintMode.OFF);
		confiture.migrate(MigrateOptions.defaults());
		assertThat(seen()).containsExactly("3s", "1min");
	}

	@Test
	void withoutSettingsTheDefaultsApply() throws SQLException {
		environment("local", "");
		Confiture confiture = confiture("local", null);
		assertThat(confiture.lintMode()).isEqualTo(LintMode.WARN);
		assertThat(confiture.lintMeasures()).isFalse();
		confiture.migrate(MigrateOptions.defaults());
		assertThat(seen()).containsExactly("10s", "0");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "local||WARN", "staging|protected: true|FAIL", "production||FAIL", "prod||FAIL",
					"production|lint: warn|WARN", "staging|protected: true\\nlint: off|OFF", "local|lint: FAIL|FAIL" })
	void theLintModeComesFromTheFileElseFromWhetherTheEnvironmentIsProtected(String name, String yaml,
			LintMode expected) {
		environment(name, (yaml != null) ? yaml.replace("\\n", "\n") + "\n" : "");
		assertThat(confiture(name, null).lintMode()).isEqualTo(expected);
	}

	@Test
	void lintMeasureIsReadFromTheFile() {
		environment("local", "lint_measure: true\n");
		assertThat(confiture("local", null).lintMeasures()).isTrue();
		assertThat(confiture("local", new MigrationSettings(null, false, null, null, null)).lintMeasures()).isFalse();
	}

	@Test
	void settingsAreReadUnderEnvironmentsOfAProjectFile() {
		this.project.file("confiture.yaml",
				"environments:\n  ci:\n    include_dirs: [db/schema]\n    lint: fail\n" + "    lock_timeout: 500ms\n");
		Confiture confiture = Confiture.configure().projectDirectory(this.root).environment("ci").load();
		assertThat(confiture.lintMode()).isEqualTo(LintMode.FAIL);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "lock_timeout: soon|'lock_timeout' must be a duration (0 for no limit), not 'soon'",
					"statement_timeout: -5s|'statement_timeout' must be a duration (0 for no limit), not '-5s'",
					"lock_retries: many|'lock_retries' must be a whole number, 0 or more, not 'many'",
					"lock_retries: -1|'lock_retries' must be a whole number, 0 or more, not '-1'",
					"lint: maybe|'lint' must be fail, warn or off, not 'maybe'",
					"lint_measure: sometimes|'lint_measure' must be true or false, not 'sometimes'" })
	void aMalformedValueNamesFileLineAndKeyAndNothingRuns(String yaml, String problem) throws SQLException {
		Path file = environment("local", yaml + "\n");
		assertThatExceptionOfType(ConfigurationException.class).isThrownBy(() -> confiture("local", null))
			.satisfies((ex) -> {
				assertThat(ex.file()).isEqualTo(file);
				assertThat(ex.line()).isEqualTo(3);
				assertThat(ex.getMessage()).contains(file.toString()).contains(problem);
			});
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet tables = statement.executeQuery(
						"SELECT count(*) FROM pg_class WHERE relname IN ('seen', " + "'confiture_migrations')")) {
			tables.next();
			assertThat(tables.getInt(1)).isZero();
		}
	}

	@Test
	void settingsOverrideTimeoutsComponentByComponent() {
		MigrationTimeouts timeouts = MigrationTimeouts.defaults()
			.with(new MigrationSettings(null, null, null, Duration.ofMinutes(5), 0));
		assertThat(timeouts.lockTimeout()).isEqualTo(MigrationTimeouts.DEFAULT_LOCK_TIMEOUT);
		assertThat(timeouts.statementTimeout()).isEqualTo(Duration.ofMinutes(5));
		assertThat(timeouts.lockRetries()).isZero();
		MigrationSettings merged = new MigrationSettings("fail", true, Duration.ofSeconds(1), null, 2)
			.overriddenBy(new MigrationSettings("warn", null, null, Duration.ofSeconds(9), null));
		assertThat(merged)
			.isEqualTo(new MigrationSettings("warn", true, Duration.ofSeconds(1), Duration.ofSeconds(9), 2));
	}

	private Path environment(String name, String extra) {
		return this.project.environment(name, "name: " + name + "\ninclude_dirs: [db/schema]\n" + extra);
	}

	private Confiture confiture(String name, MigrationSettings overrides) {
		return Confiture.configure()
			.projectDirectory(this.root)
			.environment(name)
			.database(this.database.settings())
			.migrationSettings(overrides)
			.load();
	}

	private List<String> seen() throws SQLException {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet row = statement.executeQuery("SELECT lock_timeout, statement_timeout FROM seen")) {
			List<String> values = new ArrayList<>();
			row.next();
			values.add(row.getString(1));
			values.add(row.getString(2));
			return values;
		}
	}

}
