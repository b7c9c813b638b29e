package dev.confiture.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.confiture.cli.CliRunner.Result;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CoordinateCommandTests {

	private static final Pattern INTENT_ID = Pattern.compile("int_[0-9a-f]{12}");

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path directory;

	ScratchDatabase database;

	@BeforeEach
	void setUp() {
		this.database = PostgresServers.shared().createDatabase();
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void seedWorkflowOfAliceAndBob() {
		Result init = coordinate("init");
		assertThat(init.exitCode()).as(init.toString()).isZero();
		assertThat(init.out()).contains("Coordination tables created in jdbc:postgresql://");
		assertThat(coordinate("init").out()).contains("Coordination tables already exist in");

		Result register = coordinate("register", "--agent-id", "alice", "--feature-name", "user_profiles",
				"--tables-affected", "users,profiles", "--schema-changes",
				"ALTER TABLE users ADD COLUMN bio TEXT; CREATE TABLE profiles (...)", "--risk-level", "medium",
				"--estimated-hours", "3");
		assertThat(register.exitCode()).as(register.toString()).isZero();
		String alice = intentId(register.out());
		assertThat(register.out()).contains("Intent registered: " + alice + "\n")
			.contains("Branch allocated: feature/user_profiles_001\n")
			.contains("Status: REGISTERED\n");

		Result check = coordinate("check", "--agent-id", "bob", "--tables-affected", "users");
		assertThat(check.exitCode()).as(check.toString()).isEqualTo(1);
		assertThat(check.out()).contains("Conflict detected!\n")
			.contains("  - alice is working on 'users' table (" + alice + ")\n")
			.contains("  - Suggestion: Coordinate with alice or work on different tables\n");

		assertThat(coordinate("start", "--intent-id", alice).out())
			.contains("Intent " + alice + " marked as IN_PROGRESS");
		Result status = coordinate("status");
		assertThat(status.exitCode()).isZero();
		assertThat(status.out()).containsPattern("Intent ID +. Agent +. Feature +. Status")
			.containsPattern(alice + " +. alice +. user_profiles +. IN_PROGRESS")
			.contains("1 active intent, 0 open conflicts");

		Result complete = coordinate("complete", "--intent-id", alice, "--outcome", "success", "--notes",
				"User profiles implemented and tested");
		assertThat(complete.exitCode()).as(complete.toString()).isZero();
		assertThat(complete.out()).contains("Intent " + alice + " marked as COMPLETED\n")
			.contains("No longer blocking other agents from 'users', 'profiles' tables");
		Result again = coordinate("check", "--agent-id", "bob", "--tables-affected", "users");
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.out()).contains("No conflicts: no other agent is working on 'users'");
		assertThat(coordinate("status").out()).contains("No active intents");
	}

	@Test
	void registeringAConflictingIntentExitsWithOneAndAbandonReleasesIt() {
		String alice = intentId(coordinate("register", "--agent-id", "alice", "--feature-name", "bio",
				"--schema-changes", "ALTER TABLE users ADD COLUMN bio text")
			.out());
		Result bob = coordinate("register", "--agent-id", "bob", "--feature-name", "bio", "--schema-changes",
				"ALTER TABLE users ADD COLUMN bio varchar(80); GRANT SELECT ON users TO reporting");
		assertThat(bob.exitCode()).as(bob.toString()).isEqualTo(1);
		String bobId = intentId(bob.out());
		assertThat(bob.out()).contains("Intent registered with conflicts: " + bobId)
			.contains("Branch allocated: feature/bio_002")
			.contains("Status: CONFLICTED")
			.contains("  - alice is working on 'users' table (" + alice + ")")
			.contains("  - alice is changing column 'users.bio' (" + alice + ") [error]")
			.contains("Not checked: 1 statement not recognised")
			.contains("  line 1: GRANT SELECT ON (only CREATE, ALTER, DROP and COMMENT ON statements are read)");
		Result conflicts = coordinate("conflicts");
		assertThat(conflicts.exitCode()).isEqualTo(1);
		assertThat(conflicts.out()).contains("2 open conflicts")
			.contains(bobId + " (bob) and " + alice + " (alice): column 'users.bio' [error]");
		Result abandon = coordinate("abandon", "--intent-id", alice, "--reason",
				"Requirements changed, feature no longer needed");
		assertThat(abandon.out()).contains("Intent " + alice + " marked as ABANDONED")
			.contains("Reason: Requirements changed, feature no longer needed")
			.contains("No longer blocking other agents from 'users' table")
			.contains("Intent " + bobId + " has no open conflict left: REGISTERED");
		assertThat(coordinate("conflicts").exitCode()).isZero();
		Result detail = coordinate("status", "--intent-id", bobId);
		assertThat(detail.out()).contains("Status:   REGISTERED")
			.contains("CONFLICTED -> REGISTERED by confiture: no open conflict left: " + alice + " abandoned");
		Result late = coordinate("complete", "--intent-id", alice);
		assertThat(late.exitCode()).isEqualTo(1);
		assertThat(late.err()).contains("is abandoned; it cannot be marked completed");
	}

	@Test
	void ciExampleGatesOnTheJsonConflicts() {
		coordinate("register", "--agent-id", "alice", "--feature-name", "user_profiles", "--tables-affected", "users");
		Result check = coordinate("check", "--agent-id", "github-ci", "--tables-affected", "users", "orders",
				"--format", "json");
		assertThat(check.exitCode()).isEqualTo(1);
		JsonNode document = json.readTree(check.out());
		assertThat(document.get("conflicts").size()).isEqualTo(1);
		assertThat(fieldNames(document)).containsExactly("ok", "agentId", "featureName", "conflictsDetected",
				"conflicts", "touches", "unrecognised");
		assertThat(document.get("conflictsDetected").asBoolean()).isTrue();
		assertThat(fieldNames(document.get("conflicts").get(0))).containsExactly("id", "intentId", "agentId",
				"otherIntentId", "otherAgentId", "kind", "object", "severity", "suggestion", "createdAt", "resolvedAt");
		assertThat(document.get("conflicts").get(0).get("severity").asString()).isEqualTo("warning");
		Result clean = coordinate("check", "--agent-id", "github-ci", "--tables-affected", "", "--format", "json");
		assertThat(clean.exitCode()).as(clean.toString()).isZero();
		assertThat(json.readTree(clean.out()).get("conflicts").size()).isZero();
	}

	@Test
	void jsonShapes() {
		JsonNode init = json.readTree(coordinate("init", "--format", "json").out());
		assertThat(fieldNames(init)).containsExactly("ok", "created", "database", "schema", "tables");
		Path ddl = this.directory.resolve("change.sql");
		write(ddl, "CREATE INDEX idx_users_email ON users (email);\n");
		Result registered = coordinate("register", "--agent-id", "alice", "--feature-name", "Email Index",
				"--schema-changes", ddl.toString(), "--notes", "for login", "--format", "json");
		JsonNode register = json.readTree(registered.out());
		assertThat(fieldNames(register)).containsExactly("ok", "intent", "conflicts", "unrecognised");
		JsonNode intent = register.get("intent");
		assertThat(fieldNames(intent)).containsExactly("id", "agentId", "featureName", "branchName", "status",
				"riskLevel", "tablesAffected", "schemaChanges", "touches", "estimatedHours", "notes", "outcome",
				"reason", "createdAt", "updatedAt");
		assertThat(intent.get("branchName").asString()).isEqualTo("feature/email_index_001");
		assertThat(intent.get("status").asString()).isEqualTo("registered");
		assertThat(intent.get("schemaChanges").asString())
			.isEqualTo("CREATE INDEX idx_users_email ON users (email);\n");
		assertThat(intent.get("touches").toString())
			.isEqualTo("[{\"kind\":\"index\",\"name\":\"idx_users_email\"},{\"kind\":\"table\",\"name\":\"users\"}]");
		String id = intent.get("id").asString();

		JsonNode status = json.readTree(coordinate("status", "--format", "json").out());
		assertThat(fieldNames(status)).containsExactly("ok", "total", "openConflicts", "intents");
		assertThat(status.get("intents").get(0).get("id").asString()).isEqualTo(id);
		JsonNode one = json.readTree(coordinate("status", "--intent-id", id, "--format", "json").out());
		assertThat(fieldNames(one)).containsExactly("ok", "intent", "conflicts", "history");
		assertThat(fieldNames(one.get("history").get(0))).containsExactly("oldStatus", "newStatus", "reason",
				"changedBy", "changedAt");
		JsonNode list = json.readTree(coordinate("list", "--format", "json").out());
		assertThat(fieldNames(list)).containsExactly("ok", "total", "intents");
		JsonNode conflicts = json.readTree(coordinate("conflicts", "--format", "json").out());
		assertThat(fieldNames(conflicts)).containsExactly("ok", "total", "conflicts");
		JsonNode complete = json.readTree(coordinate("complete", "--intent-id", id, "--format", "json").out());
		assertThat(fieldNames(complete)).containsExactly("ok", "intent", "previousStatus", "resolvedConflicts",
				"releasedIntents", "openConflicts");
		assertThat(complete.get("intent").get("outcome").asString()).isEqualTo("success");
		JsonNode failed = json
			.readTree(coordinate("abandon", "--intent-id", "int_000000000000", "--format", "json").out());
		assertThat(failed.get("ok").asBoolean()).isFalse();
		assertThat(failed.get("error").get("exitCode").asInt()).isEqualTo(5);
		assertThat(failed.get("error").get("message").asString()).startsWith("No intent 'int_000000000000'");
	}

	@Test
	void listShowsFinishedIntentsAndFilters() {
		String alice = intentId(
				coordinate("register", "--agent-id", "alice", "--feature-name", "a", "--tables-affected", "users")
					.out());
		coordinate("register", "--agent-id", "bob", "--feature-name", "b", "--tables-affected", "orders");
		coordinate("complete", "--intent-id", alice);
		assertThat(coordinate("list").out())
			.containsPattern(alice + " +. alice +. a +. COMPLETED +. feature/a_001 +. users")
			.contains("feature/b_001");
		assertThat(coordinate("list", "--status", "completed").out()).contains(alice).doesNotContain("feature/b_001");
		assertThat(coordinate("list", "--agent-id", "bob").out()).doesNotContain(alice);
		assertThat(coordinate("status", "--agent-id", "alice").out()).contains("No active intents of alice");
	}

	@Test
	void readingBeforeInitExitsWithTwo() {
		Result status = coordinate("status");
		assertThat(status.exitCode()).isEqualTo(2);
		assertThat(status.err()).contains("has no coordination tables").contains("confiture coordinate init");
	}

	@Test
	void databaseComesFromTheOptionThenTheEnvironment() {
		Map<String, String> environment = Map.of("CONFITURE_COORDINATION_URL", "postgresql://a@coordination/db",
				"DATABASE_URL", "postgresql://b@app/db");
		assertThat(CoordinationOptions.registry("postgresql://c@flag/db", environment::get).description())
			.isEqualTo("jdbc:postgresql://flag/db (user c) (from --db-url)");
		assertThat(CoordinationOptions.registry(null, environment::get).description())
			.isEqualTo("jdbc:postgresql://coordination/db (user a) (from $CONFITURE_COORDINATION_URL)");
		assertThat(
				CoordinationOptions.registry(null, Map.of("DATABASE_URL", "postgresql://b@app/db")::get).description())
			.isEqualTo("jdbc:postgresql://app/db (user b) (from $DATABASE_URL)");
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> CoordinationOptions.registry(null, Map.<String, String>of()::get))
			.withMessageContaining(
					"--db-url is not given and neither CONFITURE_COORDINATION_URL nor DATABASE_URL is set")
			.satisfies((ex) -> assertThat(ex.category()).isEqualTo(Category.CONFIG));
		assertThatExceptionOfType(ConfitureException.class)
			.isThrownBy(() -> CoordinationOptions.registry(null, Map.of("DATABASE_URL", "mysql://x:secret@h/db")::get))
			.withMessageContaining("(from $DATABASE_URL)")
			.withMessageNotContaining("secret");
	}

	@Test
	void unreachableDatabaseExitsWithThreeWithoutThePassword() {
		Result result = CliRunner.run("coordinate", "status", "--db-url",
				"postgresql://alice:s3cret@127.0.0.1:1/coordination?connectTimeout=2");
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.err())
			.contains("Could not connect to the coordination database jdbc:postgresql://127.0.0.1:1/")
			.contains("(from --db-url)")
			.doesNotContain("s3cret");
		assertThat(result.out()).doesNotContain("s3cret");
	}

	@Test
	void usageErrorsExitWithFive() {
		assertThat(CliRunner.run("coordinate", "register", "--agent-id", "a").exitCode()).isEqualTo(5);
		assertThat(CliRunner
			.run("coordinate", "register", "--agent-id", "a", "--feature-name", "f", "--risk-level", "extreme",
					"--db-url", url())
			.exitCode()).isEqualTo(5);
		Result nothing = coordinate("register", "--agent-id", "a", "--feature-name", "f");
		assertThat(nothing.exitCode()).isEqualTo(5);
		assertThat(nothing.err()).contains("Nothing to coordinate on");
		Result help = CliRunner.run("coordinate", "--help");
		assertThat(help.out()).contains("init", "register", "check", "status", "list", "conflicts", "start", "complete",
				"abandon");
		assertThat(CliRunner.run("coordinate", "register", "--help").out()).contains("--agent-id", "--feature-name",
				"--tables-affected", "--schema-changes", "--risk-level", "--estimated-hours", "--notes", "--db-url",
				"--format");
	}

	private Result coordinate(String... args) {
		List<String> arguments = new ArrayList<>(List.of("coordinate"));
		arguments.addAll(List.of(args));
		arguments.addAll(List.of("--db-url", url()));
		return CliRunner.run(arguments.toArray(String[]::new));
	}

	private String url() {
		return this.database.settings().jdbcUrl() + "?user=" + this.database.settings().user();
	}

	private static String intentId(String output) {
		Matcher matcher = INTENT_ID.matcher(output);
		assertThat(matcher.find()).as(output).isTrue();
		return matcher.group();
	}

	private static List<String> fieldNames(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.propertyNames().forEach(names::add);
		return names;
	}

	private static void write(Path file, String content) {
		try {
			Files.writeString(file, content);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

}
