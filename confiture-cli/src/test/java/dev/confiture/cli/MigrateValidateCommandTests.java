package dev.confiture.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.confiture.cli.CliRunner.Result;
import dev.confiture.core.validate.GitProject;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code confiture migrate validate} on real git repositories: the local check,
 * the pre-commit hook and the GitHub Actions job of the seed's "Git-Aware Schema
 * Validation".
 */
class MigrateValidateCommandTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final String USERS_FILE = "db/schema/10_tables/users.sql";

	@TempDir
	Path directory;

	GitProject project;

	@BeforeEach
	void setUp() {
		this.project = GitProject.create(this.directory);
		this.project.write(USERS_FILE, "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n")
			.write("db/migrations/001_create_users.up.sql",
					"CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);\n")
			.write("db/seeds/users.sql", "INSERT INTO users VALUES (1, 'alice@example.com');\n");
		this.project.commit("Users");
		this.project.publishMain().branch("add-phone");
	}

	@AfterEach
	void tearDown() {
		this.project.close();
	}

	/** Seed 004, "Pre-Commit Hook Setup", steps 4 and 5. */
	@Test
	void preCommitHookFailsWithoutMigrationAndPassesWithIt() {
		this.project.append(USERS_FILE, "ALTER TABLE users ADD COLUMN phone TEXT;\n").stage(USERS_FILE);
		Result failed = run("migrate", "validate", "--check-drift", "--require-migration", "--staged");
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.out()).contains("Validating schema changes of environment local: HEAD (",
				"-> the index (staged changes)", "require-migration: FAILED",
				"  Missing migration: 1 schema file(s) changed", "  db/schema/10_tables/users.sql (modified)",
				"check-drift: FAILED", "  db/schema adds column users.phone but no migration creates it",
				"Validation failed: missing migration, schema drift detected.");
		this.project.write("db/migrations/002_add_phone.up.sql", "ALTER TABLE users ADD COLUMN phone TEXT;\n")
			.stage("db/migrations/002_add_phone.up.sql");
		Result passed = run("migrate", "validate", "--check-drift", "--require-migration", "--staged");
		assertThat(passed.exitCode()).as(passed.toString()).isZero();
		assertThat(passed.out()).contains("require-migration: PASSED", "check-drift: PASSED",
				"  db/migrations/002_add_phone.up.sql (added)", "Validation passed.");
	}

	/**
	 * Seed 004, "CI/CD Integration" and "Scenario 4: JSON output for CI/CD integration".
	 */
	@Test
	void ciJobWritesJsonReport() throws Exception {
		this.project.append(USERS_FILE, "ALTER TABLE users ADD COLUMN phone TEXT;\n")
			.write("db/migrations/002_add_phone.up.sql", "ALTER TABLE users ADD COLUMN mobile TEXT;\n");
		this.project.commit("Phone");
		Result result = run("migrate", "validate", "--check-drift", "--require-migration", "--base-ref", "origin/main",
				"--format", "json", "--output", "validation-report.json");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.out()).startsWith("Validation failed: schema drift detected. Report written to");
		JsonNode report = json.readTree(Files.readString(this.directory.resolve("validation-report.json")));
		assertThat(report.get("status").asString()).isEqualTo("failed");
		assertThat(report.get("base").asString()).startsWith("origin/main (");
		assertThat(fieldNames(report)).containsExactly("status", "base", "target", "changedFiles", "databasesCreated",
				"checks");
		assertThat(fieldNames(report.get("checks").get(0))).containsExactly("name", "status", "details");
		assertThat(fieldNames(report.get("checks").get(1))).containsExactly("name", "status", "details", "hint");
		assertThat(report.get("checks")).hasSize(3);
		JsonNode lint = report.get("checks").get(2);
		assertThat(lint.get("name").asString()).isEqualTo("lint");
		assertThat(lint.get("status").asString()).as("warn, the default of environment local").isEqualTo("passed");
		assertThat(lint.get("details").get(0).asString())
			.startsWith("db/migrations/002_add_phone.up.sql:1: WARNING missing-lock-timeout");
		JsonNode requirement = report.get("checks").get(0);
		assertThat(requirement.get("name").asString()).isEqualTo("require-migration");
		assertThat(requirement.get("status").asString()).isEqualTo("passed");
		JsonNode drift = report.get("checks").get(1);
		assertThat(drift.get("name").asString()).isEqualTo("check-drift");
		assertThat(drift.get("status").asString()).isEqualTo("failed");
		assertThat(drift.get("details").values()).extracting(JsonNode::asString)
			.contains("migration adds column users.mobile but db/schema does not",
					"db/schema adds column users.phone but no migration creates it");
	}

	@Test
	void sinceIsAnAliasOfBaseRefAndOneCheckRunsAlone() throws Exception {
		this.project.append(USERS_FILE, "ALTER TABLE users ADD COLUMN phone TEXT;\n");
		this.project.commit("Phone");
		Result result = run("migrate", "validate", "--require-migration", "--since", "main", "--lint=off", "--format",
				"json");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		JsonNode report = json.readTree(result.out());
		assertThat(report.get("base").asString()).startsWith("main (");
		assertThat(report.get("checks")).hasSize(1);
		assertThat(report.get("checks").get(0).get("details").values()).extracting(JsonNode::asString)
			.contains("db/schema/10_tables/users.sql (modified)");
		assertThat(report.get("databasesCreated").asInt()).isZero();
	}

	@Test
	void lintFailFailsTheValidationOnErrorsOfTheAddedMigrationsAndWarnListsThem() {
		this.project.append(USERS_FILE, "CREATE INDEX users_email ON users (email);\n")
			.write("db/migrations/002_users_email.up.sql", "CREATE INDEX users_email ON users (email);\n");
		this.project.commit("Index");
		Result failed = run("migrate", "validate", "--lint=fail");
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.out()).contains("require-migration: PASSED", "check-drift: PASSED", "lint: FAILED",
				"  db/migrations/002_users_email.up.sql:1: ERROR index-without-concurrently",
				"Safe alternative: Use CREATE INDEX CONCURRENTLY",
				"  1 added migration(s) linted, from the statements' text: 1 error(s), 0 warning(s)",
				"Validation failed: lint errors in the added migrations.");
		Result warned = run("migrate", "validate", "--lint=warn");
		assertThat(warned.exitCode()).as(warned.toString()).isZero();
		assertThat(warned.out()).contains("lint: PASSED", "ERROR index-without-concurrently", "Validation passed.");
		this.project.append("db/environments/local.yaml", "lint: fail\n");
		Result fromFile = run("migrate", "validate");
		assertThat(fromFile.exitCode()).as(fromFile.toString()).isEqualTo(1);
		assertThat(fromFile.out()).contains("lint: FAILED");
		Result unknown = run("migrate", "validate", "--lint=maybe");
		assertThat(unknown.exitCode()).isEqualTo(5);
		assertThat(unknown.err()).contains("--lint: 'maybe' is not a lint mode");
	}

	@Test
	void unknownBaseRefExitsSevenAndNamesTheFix() throws Exception {
		Result text = run("migrate", "validate", "--base-ref", "origin/release");
		assertThat(text.exitCode()).as(text.toString()).isEqualTo(7);
		assertThat(text.err()).contains("Unknown git reference 'origin/release'", "fetch-depth: 0");
		Result jsonResult = run("migrate", "validate", "--since", "v9.9.9", "--format", "json", "--output",
				"report.json");
		assertThat(jsonResult.exitCode()).isEqualTo(7);
		JsonNode report = json.readTree(Files.readString(this.directory.resolve("report.json")));
		assertThat(report.get("status").asString()).isEqualTo("error");
		assertThat(fieldNames(report)).containsExactly("status", "error", "checks");
		assertThat(fieldNames(report.get("error"))).containsExactly("category", "exitCode", "message", "hint");
		assertThat(report.get("checks").values()).isEmpty();
		assertThat(report.get("error").get("exitCode").asInt()).isEqualTo(7);
		assertThat(report.get("error").get("message").asString()).startsWith("Unknown git reference 'v9.9.9'");
		JsonNode printed = json.readTree(jsonResult.out());
		assertThat(printed.get("error").get("category").asString()).isEqualTo("git");
	}

	@Test
	void noSchemaChangePassesWithoutBuilding() throws Exception {
		this.project.write("README.md", "# app\n");
		this.project.commit("Docs");
		Result result = run("migrate", "validate", "--format", "json");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		JsonNode report = json.readTree(result.out());
		assertThat(report.get("status").asString()).isEqualTo("passed");
		assertThat(report.get("databasesCreated").asInt()).isZero();
		assertThat(report.get("changedFiles").values()).isEmpty();
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	private Result run(String... args) {
		String[] all = new String[args.length + 2];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--project-dir";
		all[args.length + 1] = this.directory.toString();
		return CliRunner.run(all);
	}

}
