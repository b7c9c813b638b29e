package dev.confiture.core.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.Remedy;
import dev.confiture.core.config.Environment;
import dev.confiture.core.config.EnvironmentLoader;
import dev.confiture.core.server.CountingServer;
import dev.confiture.core.validate.CheckResult.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link GitSchemaValidator} on real git repositories and a real PostgreSQL.
 */
class GitSchemaValidatorTests {

	private static final String USERS = """
			CREATE TABLE users (
			    id bigint PRIMARY KEY,
			    email text NOT NULL
			);
			""";

	private static final String USERS_FILE = "db/schema/10_tables/users.sql";

	@TempDir
	Path directory;

	GitProject project;

	CountingServer server = new CountingServer();

	@BeforeEach
	void setUp() {
		this.project = GitProject.create(this.directory);
		this.project.write(USERS_FILE, USERS)
			.write("db/migrations/001_create_users.up.sql", USERS)
			.write("db/seeds/users.sql", "INSERT INTO users VALUES (1, 'alice@example.com');\n");
		this.project.commit("Users");
		this.project.publishMain().branch("feature");
	}

	@AfterEach
	void tearDown() {
		this.project.close();
	}

	@Test
	void schemaChangeWithoutMigrationFailsListingTheSchemaFiles() {
		this.project.append(USERS_FILE, "ALTER TABLE users ADD COLUMN phone text;\n")
			.write("db/schema/10_tables/posts.sql", "CREATE TABLE posts (id bigint PRIMARY KEY);\n");
		this.project.commit("Phone, posts");
		ValidationReport report = validate(ValidationOptions.committed(null));
		assertThat(report.passed()).isFalse();
		assertThat(report.base()).startsWith("origin/main (");
		assertThat(report.target()).startsWith("HEAD (");
		CheckResult requirement = check(report, GitSchemaValidator.REQUIRE_MIGRATION);
		assertThat(requirement.status()).isEqualTo(Status.FAILED);
		assertThat(requirement.details().get(0)).startsWith("Missing migration: 2 schema file(s) changed")
			.endsWith("without a new or changed migration in db/migrations:");
		assertThat(requirement.details()).contains("db/schema/10_tables/posts.sql (added)",
				"db/schema/10_tables/users.sql (modified)");
		CheckResult drift = check(report, GitSchemaValidator.CHECK_DRIFT);
		assertThat(drift.status()).isEqualTo(Status.FAILED);
		assertThat(drift.details()).contains("db/schema adds column users.phone but no migration creates it",
				"db/schema adds table posts but no migration creates it");
	}

	@Test
	void schemaChangeWithMatchingMigrationPasses() {
		this.project.append(USERS_FILE, "ALTER TABLE users ADD COLUMN phone text;\n")
			.write("db/migrations/002_add_phone.up.sql", "ALTER TABLE users ADD COLUMN phone TEXT;\n")
			.write("db/migrations/002_add_phone.down.sql", "ALTER TABLE users DROP COLUMN phone;\n");
		this.project.commit("Phone with migration");
		ValidationReport report = validate(ValidationOptions.committed("main"));
		assertThat(report.checks()).allMatch(CheckResult::passed);
		assertThat(report.base()).startsWith("main (");
		assertThat(check(report, GitSchemaValidator.REQUIRE_MIGRATION).details())
			.contains("db/migrations/002_add_phone.up.sql (added)");
		assertThat(check(report, GitSchemaValidator.CHECK_DRIFT).details().get(0))
			.startsWith("The 1 new migration(s) turn the schema at main (");
		assertThat(report.databasesCreated()).isEqualTo(2);
		assertThat(this.server.databases()).isEqualTo(2);
	}

	@Test
	void migrationThatDoesSomethingElseReportsDriftObjectByObject() {
		this.project
			.write(USERS_FILE,
					USERS.replace("email text NOT NULL", "email varchar(320) NOT NULL,\n    phone text")
							+ "CREATE INDEX idx_users_phone ON users (phone);\n")
			.write("db/migrations/002_add_phone.up.sql", """
					ALTER TABLE users ADD COLUMN mobile text;
					CREATE TABLE audit (id bigint);
					ALTER TABLE users ALTER COLUMN id TYPE integer;
					""");
		this.project.commit("Phone, but the migration adds mobile");
		ValidationReport report = validate(ValidationOptions.committed(null));
		assertThat(check(report, GitSchemaValidator.REQUIRE_MIGRATION).passed()).isTrue();
		CheckResult drift = check(report, GitSchemaValidator.CHECK_DRIFT);
		assertThat(drift.status()).isEqualTo(Status.FAILED);
		assertThat(drift.details().get(0)).startsWith("Schema drift detected: the schema at origin/main (")
			.contains(
					"plus the new migration db/migrations/002_add_phone.up.sql differs from the schema files at HEAD (");
		assertThat(drift.details()).contains("migration adds column users.mobile but db/schema does not",
				"migration adds table audit but db/schema does not",
				"db/schema adds column users.phone but no migration creates it",
				"db/schema adds index idx_users_phone but no migration creates it",
				"db/schema changes column users.email but no migration does (type: 'text' after the migrations, "
						+ "'character varying(320)' in db/schema)",
				"migration changes column users.id but db/schema does not (type: 'integer' after the migrations, "
						+ "'bigint' in db/schema)");
	}

	@Test
	void migrationThatDoesNotApplyToTheBaseSchemaFails() {
		this.project.append(USERS_FILE, "ALTER TABLE users ADD COLUMN phone text;\n")
			.write("db/migrations/002_add_phone.up.sql", "ALTER TABLE userz ADD COLUMN phone text;\n");
		this.project.commit("Typo");
		CheckResult drift = check(validate(ValidationOptions.committed(null)), GitSchemaValidator.CHECK_DRIFT);
		assertThat(drift.status()).isEqualTo(Status.FAILED);
		assertThat(drift.details().get(0)).startsWith("A new migration fails on the schema at origin/main (")
			.contains("002_add_phone", "userz");
	}

	@Test
	void stagedSeesOnlyStagedChanges() {
		this.project.append(USERS_FILE, "ALTER TABLE users ADD COLUMN phone text;\n");
		ValidationReport unstaged = validate(ValidationOptions.stagedChanges());
		assertThat(unstaged.passed()).isTrue();
		assertThat(unstaged.changedFiles()).isEmpty();
		assertThat(unstaged.base()).startsWith("HEAD (");
		assertThat(unstaged.target()).isEqualTo("the index (staged changes)");
		this.project.stage(USERS_FILE);
		ValidationReport staged = validate(ValidationOptions.stagedChanges());
		assertThat(staged.changedFiles()).containsExactly("db/schema/10_tables/users.sql (modified)");
		assertThat(check(staged, GitSchemaValidator.REQUIRE_MIGRATION).details())
			.contains("db/schema/10_tables/users.sql (modified)");
		assertThat(check(staged, GitSchemaValidator.CHECK_DRIFT).details())
			.contains("db/schema adds column users.phone but no migration creates it");
		this.project.write("db/migrations/002_add_phone.up.sql", "ALTER TABLE users ADD COLUMN phone text;\n");
		assertThat(validate(ValidationOptions.stagedChanges()).passed()).isFalse();
		this.project.stage("db/migrations/002_add_phone.up.sql");
		ValidationReport fixed = validate(ValidationOptions.stagedChanges());
		assertThat(fixed.checks()).allMatch(CheckResult::passed);
		this.project.append(USERS_FILE, "ALTER TABLE users ADD COLUMN fax text;\n");
		assertThat(validate(ValidationOptions.stagedChanges()).passed()).as("unstaged edit after staging").isTrue();
	}

	@Test
	void noSchemaChangeBuildsNothing() {
		String tables = IntStream.rangeClosed(1, 100)
			.mapToObj((i) -> "CREATE TABLE t" + i + " (id bigint PRIMARY KEY, name text, created_at timestamptz);\n")
			.collect(Collectors.joining());
		this.project.write("db/schema/20_many/tables.sql", tables).write("db/migrations/002_many.up.sql", tables);
		this.project.commit("100 tables");
		this.project.write("README.md", "# app\n").write("db/seeds/more.sql", "SELECT 1;\n");
		this.project.write("db/schema/99_scratch/try.sql", "CREATE TABLE scratch (id int);\n");
		this.project.stage("README.md", "db/seeds/more.sql", "db/schema/99_scratch/try.sql");
		ValidationReport report = new GitSchemaValidator(() -> {
			throw new AssertionError("No server may be asked for when no schema file changed");
		}).validate(this.project.environment(), ValidationOptions.stagedChanges());
		assertThat(report.passed()).isTrue();
		assertThat(report.changedFiles()).isEmpty();
		assertThat(report.databasesCreated()).isZero();
		assertThat(check(report, GitSchemaValidator.CHECK_DRIFT).details())
			.singleElement(InstanceOfAssertFactories.STRING)
			.startsWith("No schema file or migration changed between HEAD (")
			.endsWith("and the index (staged changes); nothing to build.");
	}

	@Test
	void commentOnlyChangeNeedsNoMigration() {
		this.project.write(USERS_FILE, "-- The users\n\n" + USERS + "\n-- end\n");
		this.project.commit("Comment");
		ValidationReport report = validate(ValidationOptions.committed(null));
		assertThat(report.checks()).allMatch(CheckResult::passed);
		assertThat(check(report, GitSchemaValidator.REQUIRE_MIGRATION).details())
			.contains("db/schema/10_tables/users.sql changed only in comments or blank lines");
	}

	@Test
	void migrationsThatExistedAtTheBaseAreNotRunAgain() {
		this.project.write("db/migrations/001_create_users.up.sql", USERS + "-- reformatted\n");
		this.project.commit("Touch an old migration");
		ValidationReport report = validate(ValidationOptions.committed(null));
		assertThat(report.checks()).allMatch(CheckResult::passed);
		assertThat(check(report, GitSchemaValidator.CHECK_DRIFT).details()).anyMatch(
				(detail) -> detail.startsWith("Note: db/migrations/001_create_users.up.sql (modified) existed at"));
	}

	@Test
	void firstCommitIsComparedWithNothing(@TempDir Path other) {
		try (GitProject fresh = GitProject.create(other)) {
			fresh.write(USERS_FILE, USERS).write("db/migrations/001_create_users.up.sql", USERS);
			fresh.write("db/seeds/users.sql", "\n");
			fresh.stage(".");
			ValidationReport report = new GitSchemaValidator(this.server).validate(fresh.environment(),
					ValidationOptions.stagedChanges());
			assertThat(report.base()).isEqualTo("HEAD (no commit yet)");
			assertThat(report.checks()).allMatch(CheckResult::passed);
		}
	}

	@Test
	void unknownBaseRefIsAGitErrorNamingTheFix() {
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> validate(ValidationOptions.committed("origin/develop")))
			.satisfies((ex) -> {
				assertThat(ex.category()).isEqualTo(Category.GIT);
				assertThat(ex.getMessage()).startsWith("Unknown git reference 'origin/develop'");
				assertThat(ex.remedy().kind()).isEqualTo(Remedy.Kind.KNOWN_BASE_REF);
				assertThat(ex.remedy().get("fetch")).contains("fetch-depth: 0");
			});
	}

	@Test
	void shallowCloneIsAGitErrorNamingFetchDepth(@TempDir Path clone) throws Exception {
		this.project.append(USERS_FILE, "ALTER TABLE users ADD COLUMN phone text;\n");
		this.project.commit("Second");
		try (Git shallow = Git.cloneRepository()
			.setURI(this.directory.toUri().toString())
			.setDirectory(clone.toFile())
			.setBranch("feature")
			.setDepth(1)
			.call()) {
			assertThat(shallow.getRepository().getObjectDatabase().getShallowCommits()).isNotEmpty();
			assertThatExceptionOfType(ConfitureException.class)
				.isThrownBy(() -> new GitSchemaValidator(this.server)
					.validate(new EnvironmentLoader().load(clone, "local"), ValidationOptions.committed("main")))
				.satisfies((ex) -> {
					assertThat(ex.category()).isEqualTo(Category.GIT);
					assertThat(ex.getMessage()).contains("shallow");
					assertThat((ex.remedy() != null) ? ex.remedy().get("fetch") : ex.hint()).contains("fetch-depth: 0");
				});
		}
		assertThat(this.server.requests()).isZero();
	}

	@Test
	void notAGitRepositoryIsAGitError(@TempDir Path plain) throws IOException {
		Files.createDirectories(plain.resolve("db/schema"));
		Files.writeString(plain.resolve("db/schema/users.sql"), USERS);
		Files.createDirectories(plain.resolve("db/environments"));
		Files.writeString(plain.resolve("db/environments/local.yaml"), "name: local\nincludes:\n  - ../schema\n");
		Environment environment = new EnvironmentLoader().load(plain, "local");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(
					() -> new GitSchemaValidator(this.server).validate(environment, ValidationOptions.committed(null)))
			.satisfies((ex) -> {
				assertThat(ex.category()).isEqualTo(Category.GIT);
				assertThat(ex.getMessage()).startsWith("Not a git repository: ");
			});
	}

	private ValidationReport validate(ValidationOptions options) {
		return new GitSchemaValidator(this.server).validate(this.project.environment(), options);
	}

	private static CheckResult check(ValidationReport report, String name) {
		return report.checks().stream().filter((check) -> check.name().equals(name)).findFirst().orElseThrow();
	}

}
