package dev.confiture.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.confiture.cli.CliRunner.Result;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input, misleading messages and unbounded output found by trying the CLI as a new
 * user: each gets a clear message and exit code, and nothing is half-applied.
 */
class HardeningCommandTests {

	private static final JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@TempDir
	Path project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() {
		this.database = PostgresServers.shared().createDatabase();
		write("db/schema/10_tables/users.sql", "CREATE TABLE users (id int PRIMARY KEY);\n");
		write("db/migrations/.keep", "");
		write("db/environments/local.yaml", "name: local\ninclude_dirs:\n  - db/schema\ndatabase_url: "
				+ this.database.settings().jdbcUrl() + "?user=" + this.database.settings().user() + "\n");
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void usageErrorsAreJsonDocumentsUnderFormatJson() {
		Result json = run("migrate", "up", "--lock-wait", "-5s", "--format", "json");
		assertThat(json.exitCode()).isEqualTo(5);
		assertThat(json.out()).contains("\"ok\" : false")
			.contains("\"category\" : \"usage\"")
			.contains("\"exitCode\" : 5")
			.contains("-5s");
		assertThat(json.err()).isEmpty();
		assertErrorDocument(json.out(), "category", "exitCode", "message", "hint");
		Result text = run("migrate", "up", "--lock-wait", "-5s");
		assertThat(text.exitCode()).isEqualTo(5);
		assertThat(text.err()).contains("'-5s' must be zero or more");
		assertThat(text.out()).isEmpty();
		Result unknown = run("migrate", "status", "--format=json", "--no-such-flag");
		assertThat(unknown.exitCode()).isEqualTo(5);
		assertThat(unknown.out()).contains("\"exitCode\" : 5").contains("--no-such-flag");
		Result zero = run("migrate", "status", "--login-timeout", "0s");
		assertThat(zero.exitCode()).isEqualTo(5);
		assertThat(zero.err()).contains("'0s' must be more than zero");
	}

	@Test
	void nonNumericHoursShowNoJavaException() {
		Result result = run("coordinate", "register", "--agent-id", "a", "--feature-name", "f", "--estimated-hours",
				"abc", "--format", "json");
		assertThat(result.exitCode()).isEqualTo(5);
		assertThat(result.out()).contains("'abc' is not a number of hours")
			.doesNotContain("Exception")
			.doesNotContain("java.");
	}

	@Test
	void statusExitsOneWhenAppliedMigrationFilesAreMissing() throws IOException {
		write("db/migrations/001_a.up.sql", "CREATE TABLE a (id int);\n");
		assertThat(run("migrate", "up").exitCode()).isZero();
		Files.delete(this.project.resolve("db/migrations/001_a.up.sql"));
		Result status = run("migrate", "status");
		assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
		assertThat(status.out()).contains("1 applied migration(s) have no file any more");
		assertThat(run("migrate", "status", "--format", "json").out()).contains("\"missingFiles\" : 1");
	}

	@Test
	void downToZeroRollsBackVersionZeroToo() throws SQLException {
		write("db/migrations/0_init.up.sql", "CREATE TABLE zero (id int);\n");
		write("db/migrations/0_init.down.sql", "DROP TABLE zero;\n");
		write("db/migrations/1_more.up.sql", "CREATE TABLE one (id int);\n");
		write("db/migrations/1_more.down.sql", "DROP TABLE one;\n");
		assertThat(run("migrate", "up").exitCode()).isZero();
		Result down = run("migrate", "down-to", "0");
		assertThat(down.exitCode()).as(down.toString()).isZero();
		assertThat(query("SELECT version FROM confiture_migrations")).isEmpty();
		assertThat(query("SELECT relname::text FROM pg_class WHERE relname IN ('zero', 'one')")).isEmpty();
	}

	@Test
	void longListsOfIrreversibleMigrationsAreSummarisedInTextAndFullInJson() throws SQLException {
		for (int i = 1; i <= 40; i++) {
			write("db/migrations/%03d_m%d.up.sql".formatted(i, i), "SELECT 1;\n");
		}
		assertThat(run("migrate", "up").exitCode()).isZero();
		Result text = run("migrate", "down-to", "0");
		assertThat(text.exitCode()).isEqualTo(8);
		assertThat(text.err()).contains("Cannot roll back 40 of the 40 migration(s)")
			.contains("and 35 more")
			.doesNotContain("020_m20");
		assertThat(text.err().length()).isLessThan(1200);
		Result json = run("migrate", "down-to", "0", "--format", "json");
		assertThat(json.exitCode()).isEqualTo(8);
		assertThat(json.out()).contains("\"details\"").contains("020_m20 has no down").contains("001_m1 has no down");
		assertErrorDocument(json.out(), "category", "exitCode", "message", "hint", "details");
		assertThat(query("SELECT count(*) FROM confiture_migrations")).containsExactly("40");
	}

	@Test
	void silentServerTimesOutWithExitThreeAndTheHostNamed() throws IOException {
		try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Result result = run("migrate", "status", "--database-url",
					"postgresql://app:pw@127.0.0.1:" + silent.getLocalPort() + "/db", "--login-timeout", "1s");
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(3);
			assertThat(result.err()).contains("127.0.0.1:" + silent.getLocalPort()).contains("login timeout of 1 s");
		}
	}

	@Test
	void unknownHostAndRefusedShadowServerSayWhatHappened() {
		Result unknown = run("migrate", "status", "--database-url", "postgresql://app@no-such-host.invalid/db");
		assertThat(unknown.exitCode()).isEqualTo(3);
		assertThat(unknown.err()).contains("unknown host")
			.contains("no-such-host.invalid")
			.doesNotContain("The connection attempt failed.");
		Result shadow = run("migrate", "verify", "--shadow-url", "postgresql://app:pw@127.0.0.1:1/postgres");
		assertThat(shadow.exitCode()).as(shadow.toString()).isEqualTo(3);
		assertThat(shadow.err()).contains("127.0.0.1:1").doesNotContain("CREATE DATABASE");
	}

	private Result run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--project-dir");
		all.add(this.project.toString());
		return CliRunner.run(all.toArray(String[]::new));
	}

	private void write(String path, String content) {
		Path file = this.project.resolve(path);
		try {
			Files.createDirectories(file.getParent());
			Files.writeString(file, content, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private List<String> query(String sql) throws SQLException {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			List<String> values = new ArrayList<>();
			while (result.next()) {
				values.add(result.getString(1));
			}
			return values;
		}
	}

	/**
	 * The error document: {@code ok} then {@code error} with these keys in this order,
	 * printed as Jackson's indented output of exactly that tree.
	 */
	private static void assertErrorDocument(String out, String... keys) {
		JsonNode document = mapper.readTree(out);
		List<String> names = new ArrayList<>();
		document.propertyNames().forEach(names::add);
		assertThat(names).containsExactly("ok", "error");
		assertThat(document.get("ok").isBoolean()).isTrue();
		List<String> errorNames = new ArrayList<>();
		document.get("error").propertyNames().forEach(errorNames::add);
		assertThat(errorNames).containsExactly(keys);
		assertThat(document.get("error").get("exitCode").isInt()).isTrue();
		assertThat(out).isEqualTo(mapper.writeValueAsString(document) + System.lineSeparator());
	}

}
