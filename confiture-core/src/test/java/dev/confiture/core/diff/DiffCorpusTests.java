package dev.confiture.core.diff;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

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
 * {@code old.sql} is migrated with the generated up script and must then have the catalog of
 * a fresh build of {@code new.sql} (and diff empty against it); the generated down script
 * must bring it back to the catalog of {@code old.sql}. {@code case.yaml} names the expected
 * hazards ({@code up_hazards}, {@code down_hazards}), {@code online: true} and notes the plan
 * must carry ({@code up_notes}) for differences that are documented as not migrated, and
 * {@code empty: true} when the only difference is one that is not migrated.
 */
class DiffCorpusTests {

	private static final CatalogReader reader = CatalogReader.ignoringConfitureTables(null);

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void roundTrip(String name) throws IOException, SQLException {
		Path directory = casesDirectory().resolve(name);
		Map<String, Object> spec = spec(directory);
		DiffOptions options = new DiffOptions(Boolean.TRUE.equals(spec.get("online")));
		PostgresServer server = PostgresServers.shared();
		try (ScratchDatabase database = server.createDatabase(); ScratchDatabase target = server.createDatabase()) {
			CatalogLoader.build(database, SqlSource.of(directory.resolve("old.sql")));
			CatalogLoader.build(target, SqlSource.of(directory.resolve("new.sql")));
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
			apply(database, up, scripts);
			Catalog migrated = read(database);
			assertThat(migrated.objects()).as("catalog after up" + scripts).isEqualTo(wanted.objects());
			assertThat(SchemaDiff.compare(migrated, wanted, options).steps()).as("re-diff after up" + scripts).isEmpty();
			apply(database, down, scripts);
			Catalog restored = read(database);
			assertThat(restored.objects()).as("catalog after down" + scripts).isEqualTo(old.objects());
			assertThat(SchemaDiff.compare(restored, old, options).steps()).as("re-diff after down" + scripts).isEmpty();
		}
	}

	static Stream<String> cases() throws IOException {
		try (Stream<Path> children = Files.list(casesDirectory())) {
			return children.filter(Files::isDirectory).map((path) -> path.getFileName().toString()).sorted().toList().stream();
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
