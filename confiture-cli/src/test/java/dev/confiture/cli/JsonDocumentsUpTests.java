package dev.confiture.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.confiture.cli.CliRunner.Result;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON documents of {@code migrate up|down|down-to|baseline}: keys, their order and
 * the type of their values.
 */
class JsonDocumentsUpTests {

	private static final String[] INFO = { "version string", "name string", "kind string", "location string",
			"reversible boolean" };

	@TempDir
	Path project;

	ScratchDatabase database;

	@BeforeEach
	void setUp() {
		this.database = PostgresServers.shared().createDatabase();
		write("db/schema/.gitkeep", "");
		write("db/environments/local.yaml", """
				name: local
				includes:
				  - ../schema
				database_url: %s?user=%s
				""".formatted(this.database.settings().jdbcUrl(), this.database.settings().user()));
		write("db/migrations/001_a.up.sql", "CREATE TABLE a (id int);");
		write("db/migrations/001_a.down.sql", "DROP TABLE IF EXISTS a;");
		write("db/migrations/002_b.up.sql", "CREATE TABLE b (id int);");
		write("db/migrations/002_b.down.sql", "DROP TABLE IF EXISTS b;");
	}

	@AfterEach
	void tearDown() {
		this.database.close();
	}

	@Test
	void upPlanDocument() {
		Result plan = run("migrate", "up", "--env", "local", "--dry-run", "--format", "json");
		assertOk(plan);
		assertThat(JsonShape.of(plan.out(), "")).containsExactly("ok boolean", "dryRun boolean", "trackingTable string",
				"migrations array", "warnings array", "sql string");
		assertThat(JsonShape.of(plan.out(), "/migrations/0"))
			.containsExactly(info("transactional boolean", "nonTransactionalReason null", "statements array"));
	}

	@Test
	void upDownAndDownToRunDocuments() {
		Result up = run("migrate", "up", "--env", "local", "--steps", "1", "--format", "json");
		assertOk(up);
		assertRun(up, "up");
		Result down = run("migrate", "down", "--env", "local", "--format", "json");
		assertOk(down);
		assertRun(down, "down");
		assertOk(run("migrate", "up", "--env", "local"));
		Result downTo = run("migrate", "down-to", "0", "--env", "local", "--format", "json");
		assertOk(downTo);
		assertRun(downTo, "down");
	}

	@Test
	void baselineDocument() {
		Result baseline = run("migrate", "baseline", "002", "--env", "local", "--format", "json");
		assertOk(baseline);
		assertThat(JsonShape.of(baseline.out(), "")).containsExactly("ok boolean", "version string", "baselined array");
		assertThat(JsonShape.of(baseline.out(), "/baselined/1")).containsExactly(INFO);
		assertThat(baseline.out()).contains("\"version\" : \"002\"", "\"kind\" : \"sql\"");
	}

	private static void assertRun(Result run, String direction) {
		assertThat(JsonShape.of(run.out(), "")).containsExactly("ok boolean", "direction string", "dryRun boolean",
				"pending number", "migrations array", "warnings array", "durationMs number");
		assertThat(JsonShape.of(run.out(), "/migrations/0"))
			.containsExactly(info("outcome string", "executionMs number", "statements number", "rowsAffected number"));
		assertThat(run.out()).contains("\"direction\" : \"" + direction + "\"", "\"outcome\" : \"done\"");
	}

	private static String[] info(String... more) {
		List<String> shape = new ArrayList<>(List.of(INFO));
		shape.addAll(List.of(more));
		return shape.toArray(String[]::new);
	}

	private Result run(String... args) {
		List<String> all = new ArrayList<>(List.of(args));
		all.add("--project-dir");
		all.add(this.project.toString());
		return CliRunner.run(all.toArray(String[]::new));
	}

	private static void assertOk(Result result) {
		assertThat(result.exitCode()).as(result.toString()).isZero();
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
