package dev.confiture.core.validate;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.config.MigrationSettings;
import dev.confiture.core.server.CountingServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Confiture.validate} lints the migrations that the branch adds: fail, warn or
 * off, from the caller's settings, else the environment file's {@code lint}, else the
 * environment's default.
 */
class ValidateLintTests {

	private static final String USERS = "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n";

	@TempDir
	Path directory;

	GitProject project;

	CountingServer server = new CountingServer();

	@BeforeEach
	void setUp() {
		this.project = GitProject.create(this.directory);
		this.project.write("db/schema/10_tables/users.sql", USERS)
			.write("db/migrations/001_users.up.sql", USERS)
			.write("db/seeds/users.sql", "INSERT INTO users VALUES (1, 'alice@example.com');\n");
		this.project.commit("Users");
		this.project.publishMain().branch("index-email");
		this.project.append("db/schema/10_tables/users.sql", "CREATE INDEX users_email ON users (email);\n")
			.write("db/migrations/002_users_email.up.sql", "CREATE INDEX users_email ON users (email);\n");
		this.project.commit("Index on email");
	}

	@AfterEach
	void tearDown() {
		this.project.close();
	}

	@Test
	void failModeFailsTheValidationOnLintErrorsOfTheAddedMigrations() {
		ValidationReport report = confiture(settings("fail", null)).validate(ValidationOptions.committed(null));
		assertThat(report.passed()).isFalse();
		CheckResult lint = lint(report);
		assertThat(lint.passed()).isFalse();
		assertThat(lint.details()).anySatisfy((detail) -> assertThat(detail)
			.startsWith("db/migrations/002_users_email.up.sql:1: ERROR index-without-concurrently")
			.contains("Safe alternative: Use CREATE INDEX CONCURRENTLY"));
		assertThat(lint.details()).anyMatch(
				(detail) -> detail.startsWith("1 added migration(s) linted, from the statements' text: 1 error(s)"));
		assertThat(report.summary()).isEqualTo("Validation failed: lint errors in the added migrations.");
		assertThat(report.checks()).extracting(CheckResult::name)
			.containsExactly(GitSchemaValidator.REQUIRE_MIGRATION, GitSchemaValidator.CHECK_DRIFT,
					GitSchemaValidator.LINT);
	}

	@Test
	void warnModeListsTheFindingsAndPasses() {
		ValidationReport report = confiture(settings("warn", null)).validate(ValidationOptions.committed(null));
		assertThat(report.passed()).as(report.lines("local", Remedy::toString).toString()).isTrue();
		assertThat(lint(report).details()).anyMatch((detail) -> detail.contains("index-without-concurrently"));
	}

	@Test
	void offModeSkipsTheLint() {
		ValidationReport report = confiture(settings("off", null)).validate(ValidationOptions.committed(null));
		assertThat(report.checks()).extracting(CheckResult::name).doesNotContain(GitSchemaValidator.LINT);
	}

	@Test
	void theModeComesFromTheEnvironmentFileWhenTheOptionsGiveNone() {
		this.project.append("db/environments/local.yaml", "lint: fail\n");
		ValidationReport report = confiture(null).validate(ValidationOptions.committed(null));
		assertThat(lint(report).passed()).isFalse();
		ValidationReport overridden = confiture(settings("warn", null)).validate(ValidationOptions.committed(null));
		assertThat(lint(overridden).passed()).isTrue();
	}

	@Test
	void measuredLintRunsTheAddedMigrationsOnAShadowDatabase() {
		ValidationReport report = confiture(settings("fail", true))
			.validate(new ValidationOptions(null, false, true, false));
		CheckResult lint = lint(report);
		assertThat(lint.details()).anySatisfy((detail) -> assertThat(detail).contains("index-without-concurrently")
			.contains("holds ShareLock until commit"));
		assertThat(lint.details()).anyMatch((detail) -> detail
			.startsWith("1 added migration(s) linted, measured on a " + "shadow database built from"));
		assertThat(this.server.databases()).isEqualTo(1);
	}

	@Test
	void aBranchThatAddsNoMigrationPassesTheLintWithoutAShadowDatabase() {
		this.project.branch("docs");
		ValidationReport report = confiture(settings("fail", true))
			.validate(new ValidationOptions("HEAD", false, true, false));
		assertThat(lint(report).passed()).isTrue();
		assertThat(lint(report).details()).anyMatch((detail) -> detail.startsWith("No migration was added"));
		assertThat(this.server.databases()).isZero();
	}

	private static MigrationSettings settings(String lint, Boolean measure) {
		return new MigrationSettings(lint, measure, null, null, null);
	}

	private Confiture confiture(MigrationSettings overrides) {
		return Confiture.configure()
			.projectDirectory(this.directory)
			.environment("local")
			.shadowServer(this.server)
			.migrationSettings(overrides)
			.load();
	}

	private static CheckResult lint(ValidationReport report) {
		return report.checks()
			.stream()
			.filter((check) -> check.name().equals(GitSchemaValidator.LINT))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No lint check in " + report.checks()));
	}

}
