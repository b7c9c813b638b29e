package dev.confiture.core.diff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.Yaml;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogLoader;
import dev.confiture.core.catalog.CatalogReader;
import dev.confiture.core.catalog.SqlSource;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.PostgresServers;
import dev.confiture.core.server.ScratchDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The round-trip corpus: for each case under {@code diff-cases/}, a database built from
 * {@code old.sql} is migrated with the generated up script and must then have the catalog
 * of a fresh build of {@code new.sql} (and diff empty against it); the generated down
 * script must bring it back to the catalog of {@code old.sql}. {@code case.yaml} names
 * the expected hazards ({@code up_hazards}, {@code down_hazards}), {@code online: true}
 * and notes the plan must carry ({@code up_notes}) for differences that are documented as
 * not migrated, and {@code empty: true} when the only difference is one that is not
 * migrated; {@code after_up} is SQL run between up and down (rows that move a sequence),
 * {@code down_notes} are notes the down plan must carry and
 * {@code down_reaches_old: false} marks a down that cannot return to OLD (it must still
 * run). {@code -Dconfiture.diffCases=REGEX} runs only the matching cases;
 * {@code min_server_version: N} skips a case (reported as skipped, with the reason) on
 * servers older than PostgreSQL N. Cases run in parallel, each on a pair of databases
 * that is emptied and reused by the next case.
 */
@Execution(ExecutionMode.CONCURRENT)
class DiffCorpusTests {

	private static final CatalogReader reader = CatalogReader.ignoringConfitureTables(null);

	private static final Queue<ScratchDatabase[]> databases = new ConcurrentLinkedQueue<>();

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void roundTrip(String name) throws IOException, SQLException {
		Path directory = casesDirectory().resolve(name);
		Map<String, Object> spec = spec(directory);
		DiffOptions options = new DiffOptions(Boolean.TRUE.equals(spec.get("online")));
		ScratchDatabase[] pair = databases.poll();
		if (pair == null) {
			PostgresServer server = PostgresServers.shared();
			pair = new ScratchDatabase[] { server.createDatabase(), server.createDatabase() };
		}
		ScratchDatabase database = pair[0];
		ScratchDatabase target = pair[1];
		try {
			if (spec.get("min_server_version") != null) {
				int major = serverMajorVersion(database);
				Assumptions.assumeTrue(major >= (Integer) spec.get("min_server_version"), () -> name
						+ " needs PostgreSQL " + spec.get("min_server_version") + ", the server is " + major);
			}
			CatalogLoader.build(database, List.of(SqlSource.file(directory.resolve("old.sql"))));
			CatalogLoader.build(target, List.of(SqlSource.file(directory.resolve("new.sql"))));
			Catalog old = read(database);
			Catalog wanted = read(target);
			Plan up = SchemaDiff.compare(old, wanted, options);
			Plan down = SchemaDiff.compare(wanted, old, options);
			String scripts = "\n-- up\n" + up.script(List.of()) + "\n-- down\n" + down.script(List.of());
			assertThat(up.isEmpty()).as("up is empty" + scripts).isEqualTo(Boolean.TRUE.equals(spec.get("empty")));
			assertThat(hazardTypes(up)).as("up hazards" + scripts).isEqualTo(list(spec, "up_hazards"));
			assertThat(hazardTypes(down)).as("down hazards" + scripts).isEqualTo(list(spec, "down_hazards"));
			for (String note : list(spec, "up_notes")) {
				assertThat(up.notes()).as("notes" + scripts).anySatisfy((text) -> assertThat(text).contains(note));
			}
			for (String note : list(spec, "down_notes")) {
				assertThat(down.notes()).as("down notes" + scripts)
					.anySatisfy((text) -> assertThat(text).contains(note));
			}
			apply(database, up, scripts);
			Catalog migrated = read(database);
			assertThat(migrated.objects()).as("catalog after up" + scripts).isEqualTo(wanted.objects());
			assertThat(SchemaDiff.compare(migrated, wanted, options).steps()).as("re-diff after up" + scripts)
				.isEmpty();
			if (spec.get("after_up") != null) {
				execute(database, (String) spec.get("after_up"));
			}
			apply(database, down, scripts);
			if (Boolean.FALSE.equals(spec.get("down_reaches_old"))) {
				return;
			}
			Catalog restored = read(database);
			assertThat(restored.objects()).as("catalog after down" + scripts).isEqualTo(old.objects());
			assertThat(SchemaDiff.compare(restored, old, options).steps()).as("re-diff after down" + scripts).isEmpty();
		}
		finally {
			reset(database);
			reset(target);
			databases.add(pair);
		}
	}

	@AfterAll
	static void dropDatabases() {
		for (ScratchDatabase[] pair = databases.poll(); pair != null; pair = databases.poll()) {
			pair[0].close();
			pair[1].close();
		}
	}

	/**
	 * Empties a database for the next case, far faster than creating a new one: drops
	 * every schema (with the extensions and objects in it) and creates {@code public}
	 * again as {@code initdb} does.
	 */
	private static void reset(ScratchDatabase database) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(false);
			List<String> schemas = new ArrayList<>();
			try (ResultSet rs = statement.executeQuery("SELECT quote_ident(nspname) FROM pg_namespace "
					+ "WHERE nspname NOT IN ('pg_catalog', 'information_schema') AND nspname NOT LIKE 'pg\\_%'")) {
				while (rs.next()) {
					schemas.add(rs.getString(1));
				}
			}
			for (String schema : schemas) {
				statement.execute("DROP SCHEMA " + schema + " CASCADE");
			}
			statement.execute("CREATE SCHEMA public AUTHORIZATION pg_database_owner");
			statement.execute("GRANT USAGE ON SCHEMA public TO PUBLIC");
			statement.execute("COMMENT ON SCHEMA public IS 'standard public schema'");
			connection.commit();
		}
	}

	static Stream<String> cases() throws IOException {
		String only = System.getProperty("confiture.diffCases", "");
		try (Stream<Path> children = Files.list(casesDirectory())) {
			return children.filter(Files::isDirectory)
				.map((path) -> path.getFileName().toString())
				.filter((name) -> only.isEmpty() || name.matches(only))
				.sorted()
				.toList()
				.stream();
		}
	}

	private static Path casesDirectory() {
		try {
			return Path.of(DiffCorpusTests.class.getResource("/diff-cases").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Map<String, Object> spec(Path directory) {
		Path file = directory.resolve("case.yaml");
		if (!Files.exists(file)) {
			return Map.of();
		}
		try (InputStream in = Files.newInputStream(file)) {
			Map<String, Object> spec = new Yaml().load(in);
			return (spec != null) ? spec : Map.of();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@SuppressWarnings("unchecked")
	private static List<String> list(Map<String, Object> spec, String key) {
		Object value = spec.get(key);
		return (value != null) ? ((List<Object>) value).stream().map(String::valueOf).sorted().toList() : List.of();
	}

	private static List<String> hazardTypes(Plan plan) {
		return plan.hazards().stream().map((hazard) -> hazard.type().name()).distinct().sorted().toList();
	}

	private static Catalog read(ScratchDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			return reader.read(connection);
		}
	}

	private static int serverMajorVersion(ScratchDatabase database) throws SQLException {
		try (Connection connection = database.connect()) {
			return connection.getMetaData().getDatabaseMajorVersion();
		}
	}

	private static void execute(ScratchDatabase database, String sql) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static void apply(ScratchDatabase database, Plan plan, String scripts) throws SQLException {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			connection.setAutoCommit(plan.concurrent());
			for (String sql : plan.statements()) {
				try {
					statement.execute(sql);
				}
				catch (SQLException ex) {
					throw new AssertionError("Failed: " + sql + "\n" + ex.getMessage() + scripts, ex);
				}
			}
			if (!plan.concurrent()) {
				connection.commit();
			}
		}
	}

}
