package dev.confiture.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.confiture.cli.CliRunner.Result;
import dev.confiture.core.lint.LintResult;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@code confiture migrate lint}.
 */
class MigrateLintCommandTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@TempDir
	Path project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() throws SQLException {
		this.database = PostgresServers.shared().createDatabase();
		write("db/environments/local.yaml", """
				name: local
				include_dirs: [db/schema]
				database_url: %s?user=%s
				""".formatted(this.database.settings().jdbcUrl(), this.database.settings().user()));
		write("db/schema/10_tables/orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);");
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("CREATE TABLE orders (id bigint PRIMARY KEY, total numeric); "
					+ "INSERT INTO orders SELECT g, g FROM generate_series(1, 500) g; ANALYZE orders");
		}
		write("db/migrations/001_total.up.sql", """
				SET lock_timeout = '5s';
				ALTER TABLE orders ALTER COLUMN total TYPE bigint;
				-- confiture:allow index-without-concurrently orders is read-only during the release window
				CREATE INDEX orders_total ON orders (total);
				""");
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void textNamesRuleFileLineSizeAndAlternativeAndExitsOneOnErrors() {
		Result result = run("migrate", "lint");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.out()).contains("measured on a shadow database built from the schema of")
			.contains("db/migrations/001_total.up.sql:2: ERROR table-rewrite public.orders (500 rows, ")
			.contains("Safe alternative: Add a new column")
			.contains("Allowed by -- confiture:allow:")
			.contains("db/migrations/001_total.up.sql:4: index-without-concurrently (orders is read-only during the "
					+ "release window)")
			.contains("1 error(s), 0 warning(s).");
	}

	@Test
	void jsonListsFindingsAndSuppressedOnes() {
		Result result = run("migrate", "lint", "--format", "json");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		JsonNode document = json.readTree(result.out());
		assertThat(document.get("ok").asBoolean()).isFalse();
		assertThat(document.get("measured").asBoolean()).isTrue();
		JsonNode finding = document.get("findings").get(0);
		assertThat(finding.get("rule").asString()).isEqualTo("table-rewrite");
		assertThat(finding.get("severity").asString()).isEqualTo("error");
		assertThat(finding.get("line").asInt()).isEqualTo(2);
		assertThat(finding.get("lockMode").asString()).isEqualTo("AccessExclusiveLock");
		assertThat(finding.get("rewrite").asBoolean()).isTrue();
		assertThat(finding.get("rows").asLong()).isEqualTo(500);
		assertThat(document.get("suppressed").get(0).get("reason").asString())
			.isEqualTo("orders is read-only during the release window");
		assertThat(JsonShape.of(result.out(), "")).containsExactly("ok boolean", "measured boolean",
				"startingSchema string", "files array", "errors number", "warnings number", "findings array",
				"suppressed array", "notes array");
		List<String> findingKeys = List.of("rule string", "severity string", "file string", "line number",
				"object string", "message string", "alternative string", "lockMode string", "rewrite boolean",
				"measured boolean", "rows number", "bytes number");
		assertThat(JsonShape.of(result.out(), "/findings/0")).containsExactlyElementsOf(findingKeys);
		List<String> suppressedKeys = new ArrayList<>(JsonShape.of(result.out(), "/suppressed/0"));
		assertThat(suppressedKeys).endsWith("reason string");
		assertThat(suppressedKeys).extracting((key) -> key.substring(0, key.indexOf(' ')))
			.containsExactly("rule", "severity", "file", "line", "object", "message", "alternative", "lockMode",
					"rewrite", "measured", "rows", "bytes", "reason");
	}

	@Test
	void sarifHasTheShapeOfSarif210() {
		Result result = run("migrate", "lint", "--format", "sarif");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		JsonNode document = json.readTree(result.out());
		assertThat(document.get("version").asString()).isEqualTo("2.1.0");
		assertThat(document.get("$schema").asString()).isEqualTo(LintResult.SARIF_SCHEMA);
		JsonNode run = document.get("runs").get(0);
		JsonNode driver = run.get("tool").get("driver");
		assertThat(driver.get("name").asString()).isEqualTo("confiture");
		List<String> ruleIds = new ArrayList<>();
		driver.get("rules").forEach((rule) -> {
			assertThat(rule.get("id").isString()).isTrue();
			assertThat(rule.get("shortDescription").get("text").isString()).isTrue();
			assertThat(rule.get("defaultConfiguration").get("level").asString()).isIn("error", "warning");
			ruleIds.add(rule.get("id").asString());
		});
		assertThat(run.get("results").size()).isEqualTo(2);
		run.get("results").forEach((entry) -> {
			assertThat(entry.get("level").asString()).isIn("error", "warning", "note", "none");
			assertThat(entry.get("message").get("text").isString()).isTrue();
			assertThat(ruleIds.get(entry.get("ruleIndex").asInt())).isEqualTo(entry.get("ruleId").asString());
			JsonNode location = entry.get("locations").get(0).get("physicalLocation");
			assertThat(location.get("artifactLocation").get("uri").asString())
				.isEqualTo("db/migrations/001_total.up.sql");
			assertThat(location.get("region").get("startLine").asInt()).isPositive();
		});
		JsonNode suppressed = run.get("results").get(1);
		assertThat(suppressed.get("suppressions").get(0).get("kind").asString()).isEqualTo("inSource");
		assertThat(suppressed.get("suppressions").get(0).get("justification").asString()).isNotBlank();
	}

	@Test
	void noShadowLintsFromTheTextAndWarningsAloneExitZero() {
		write("db/migrations/001_total.up.sql", "CREATE TABLE notes (body varchar(20));");
		Result result = run("migrate", "lint", "--no-shadow");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains(", from the statements' text")
			.contains("WARNING prefer-text")
			.contains("0 error(s), 1 warning(s).");
	}

	@Test
	void suppressionWithoutReasonIsRefusedWithFileAndLine() {
		write("db/migrations/001_total.up.sql",
				"-- confiture:allow table-rewrite\nALTER TABLE orders ALTER total TYPE int;");
		Result result = run("migrate", "lint");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(4);
		assertThat(result.err())
			.contains("db/migrations/001_total.up.sql:1: -- confiture:allow table-rewrite gives no " + "reason");
	}

	@Test
	void upWithLintFailAppliesNothingWhenThereAreErrors() throws SQLException {
		write("db/migrations/000_first.up.sql", "CREATE TABLE audit (id bigint);");
		Result result = run("migrate", "up", "--lint=fail");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err())
			.contains("Lint found 1 error(s) in the migrations about to be applied; nothing was " + "applied")
			.contains("db/migrations/001_total.up.sql:2: ERROR table-rewrite")
			.contains("Safe alternative:")
			.contains("--lint=warn");
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				java.sql.ResultSet tables = statement.executeQuery("SELECT count(*) FROM pg_class WHERE relname IN "
						+ "('audit', 'confiture_migrations', 'orders_total')")) {
			tables.next();
			assertThat(tables.getInt(1)).isZero();
		}
		Result warned = run("migrate", "up", "--lint=warn", "--lock-timeout", "5s", "--lock-retries", "0");
		assertThat(warned.exitCode()).as(warned.toString()).isZero();
		assertThat(warned.err()).contains("Warning: lint: db/migrations/001_total.up.sql:2: ERROR table-rewrite");
	}

	@Test
	void upTakesTheLintModeFromTheEnvironmentFileAndTheFlagOverridesIt() throws SQLException {
		append("db/environments/local.yaml", "lint: fail\n");
		Result failed = run("migrate", "up");
		assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
		assertThat(failed.err()).contains("Lint found 1 error(s) in the migrations about to be applied");
		assertThat(count("SELECT count(*) FROM pg_class WHERE relname IN ('confiture_migrations', 'orders_total')"))
			.isZero();
		Result warned = run("migrate", "up", "--lint=warn", "--lock-retries", "0");
		assertThat(warned.exitCode()).as(warned.toString()).isZero();
		Result nothingPending = run("migrate", "up");
		assertThat(nothingPending.exitCode()).as(nothingPending.toString()).isZero();
		assertThat(nothingPending.out()).contains("Nothing to apply");
	}

	@Test
	void upLintsFromTheTextUnlessAskedToMeasure() {
		Result text = run("migrate", "up", "--lint=fail");
		assertThat(text.exitCode()).as(text.toString()).isEqualTo(1);
		assertThat(text.err()).contains("(from the statement's text; not measured)");
		Result measured = run("migrate", "up", "--lint=fail", "--lint-measure");
		assertThat(measured.exitCode()).as(measured.toString()).isEqualTo(1);
		assertThat(measured.err()).contains("(measured: new relfilenode)");
		append("db/environments/local.yaml", "lint_measure: true\n");
		Result fromFile = run("migrate", "up", "--lint=fail");
		assertThat(fromFile.err()).contains("(measured: new relfilenode)");
		Result overridden = run("migrate", "up", "--lint=fail", "--no-lint-measure");
		assertThat(overridden.err()).contains("(from the statement's text; not measured)");
	}

	@Test
	void timeoutsComeFromTheEnvironmentFileAndFlagsOverrideThem() throws SQLException {
		write("db/migrations/001_total.up.sql", "CREATE TABLE seen_1 AS SELECT current_setting('lock_timeout') AS lt, "
				+ "current_setting('statement_timeout') AS st;");
		append("db/environments/local.yaml", "lock_timeout: 7s\nstatement_timeout: 2min\nlock_retries: 1\n");
		Result fromFile = run("migrate", "up");
		assertThat(fromFile.exitCode()).as(fromFile.toString()).isZero();
		assertThat(text("SELECT lt || ' ' || st FROM seen_1")).isEqualTo("7s 2min");
		write("db/migrations/002_seen.up.sql", "CREATE TABLE seen_2 AS SELECT current_setting('lock_timeout') AS lt, "
				+ "current_setting('statement_timeout') AS st;");
		Result flags = run("migrate", "up", "--lock-timeout", "3s", "--statement-timeout", "0");
		assertThat(flags.exitCode()).as(flags.toString()).isZero();
		assertThat(text("SELECT lt || ' ' || st FROM seen_2")).isEqualTo("3s 0");
	}

	@Test
	void aMalformedTimeoutInTheEnvironmentFileNamesFileAndKeyAndAppliesNothing() throws SQLException {
		append("db/environments/local.yaml", "lock_timeout: 10 seconds\n");
		Result result = run("migrate", "up");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
		assertThat(result.err()).contains(this.project.resolve("db/environments/local.yaml").toString() + ":4")
			.contains("'lock_timeout' must be a duration (0 for no limit), not '10 seconds'")
			.contains("500ms, 10s or 2m");
		assertThat(count("SELECT count(*) FROM pg_class WHERE relname IN ('confiture_migrations', 'orders_total')"))
			.isZero();
	}

	@Test
	void unknownLintModeIsAConfigurationError() {
		Result result = run("migrate", "up", "--lint=maybe");
		assertThat(result.exitCode()).isEqualTo(5);
		assertThat(result.err()).contains("--lint: 'maybe' is not a lint mode");
	}

	@Test
	void unknownFormatIsAUsageError() {
		Result result = run("migrate", "lint", "--format", "xml");
		assertThat(result.exitCode()).isEqualTo(5);
		assertThat(result.err()).contains("Unknown --format 'xml'");
	}

	private Result run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--project-dir");
		all.add(this.project.toString());
		return CliRunner.run(all.toArray(String[]::new));
	}

	private int count(String sql) throws SQLException {
		return Integer.parseInt(text(sql));
	}

	private String text(String sql) throws SQLException {
		try (Connection connection = this.database.connect();
				Statement statement = connection.createStatement();
				java.sql.ResultSet row = statement.executeQuery(sql)) {
			row.next();
			return row.getString(1);
		}
	}

	private void append(String path, String content) {
		try {
			Files.writeString(this.project.resolve(path), content, StandardCharsets.UTF_8,
					java.nio.file.StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
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

}
