package dev.confiture.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.confiture.benchmarks.generate.SchemaTreeGenerator;
import dev.confiture.benchmarks.generate.TableSql;
import dev.confiture.core.Confiture;
import dev.confiture.core.adopt.SchemaExportOptions;
import dev.confiture.core.adopt.SchemaExportResult;
import dev.confiture.core.catalog.CatalogLoader;
import dev.confiture.core.build.SchemaScripts;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.config.Environment;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.ScratchDatabase;

/**
 * Issue 20: {@code confiture init --from-database} of the 500-table generated schema, its
 * proof included (the written files built into a throw-away database and compared with
 * the live catalog), with {@code pg_dump -s} of the same database for reference. Target:
 * under 5 s.
 */
final class AdoptBenchmark implements Benchmark {

	static final String CONFITURE = "init --from-database, proof included (Java API)";

	static final String PG_DUMP = "pg_dump -s";

	private static final List<Integer> SHAPE = List.of(10, 50);

	@Override
	public String name() {
		return "init-from-database";
	}

	@Override
	public String summary() {
		return "confiture init --from-database of 500 tables (proof included) vs pg_dump -s of the same database";
	}

	@Override
	public int defaultWarmups() {
		return 1;
	}

	@Override
	public int defaultRuns() {
		return 5;
	}

	@Override
	public Scenario prepare(BenchmarkContext context) {
		SchemaTreeGenerator generator = new SchemaTreeGenerator(SHAPE);
		Path work = context.workDirectory().resolve(name());
		Path source = work.resolve("source");
		generator.write(source);
		PostgresServer server = context.server();
		ScratchDatabase live = server.createDatabase();
		CatalogLoader.build(live, SchemaScripts.of(source));
		int tables = generator.tableCount();
		List<Contender> contenders = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		contenders.add(new Adopt(server, live, work.resolve("project"), tables));
		Path pgDump = (context.tools().psql() != null) ? context.tools().psql().resolveSibling("pg_dump") : null;
		String skipped = unusable(pgDump, live);
		if (skipped == null) {
			contenders.add(new PgDump(pgDump, live, work.resolve("dump.sql"), tables));
		}
		else {
			notes.add(skipped);
		}
		notes.add("Measured for Confiture: Confiture.writeSchemaFromDatabase as `confiture init --from-database` "
				+ "calls it: read the live catalog, read an empty database's, plan the creation with the diff engine, "
				+ "lay the steps out one file per object, write them, build them into the throw-away database (one "
				+ "transaction), read its catalog and compare it with the live one. The schema directory is emptied "
				+ "before each repetition, outside the clock. pg_dump writes one file and proves nothing; it is the "
				+ "reference for reading a catalog into DDL.");
		String description = tables + " generated tables as in build-vs-psql (" + TableSql.indexCount(tables)
				+ " indexes, foreign keys, CHECKs, identity columns, comments), built once into a database; each "
				+ "repetition writes that database's schema out.";
		return new Scenario(description, contenders, (skipped == null) ? PG_DUMP : CONFITURE,
				Target.medianAtMost("under 5 s, proof included", CONFITURE, 5000), notes);
	}

	/**
	 * Why pg_dump cannot be used (missing, or older than the server), or {@code null}.
	 */
	private static String unusable(Path pgDump, ScratchDatabase live) {
		if (pgDump == null || !Files.isExecutable(pgDump)) {
			return "pg_dump was not found next to psql: the pg_dump row was skipped.";
		}
		String version = Subprocess.firstLine(List.of(pgDump.toString(), "--version"));
		int client = major(version.replaceAll("^\\D*", ""));
		try (Connection connection = live.connect();
				Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
			result.next();
			int serverMajor = result.getInt(1);
			if (client < serverMajor) {
				return "pg_dump " + client + " (" + pgDump + ") cannot dump a PostgreSQL " + serverMajor
						+ " server: the pg_dump row was skipped. Run with CONFITURE_TEST_JDBC_URL on a server of "
						+ "pg_dump's version for the reference.";
			}
			return null;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static int major(String version) {
		int end = 0;
		while (end < version.length() && Character.isDigit(version.charAt(end))) {
			end++;
		}
		return (end > 0) ? Integer.parseInt(version.substring(0, end)) : 0;
	}

	private static final class Adopt implements Contender {

		private final PostgresServer server;

		private final ScratchDatabase live;

		private final Path project;

		private final int tables;

		Adopt(PostgresServer server, ScratchDatabase live, Path project, int tables) {
			this.server = server;
			this.live = live;
			this.project = project;
			this.tables = tables;
		}

		@Override
		public String name() {
			return CONFITURE;
		}

		@Override
		public Trial newTrial() throws IOException {
			Path schema = this.project.resolve("db/schema");
			delete(schema);
			Files.createDirectories(schema);
			Environment environment = new Environment("bench", null, this.project, List.of(schema), List.of(),
					List.of(), this.live.settings(), this.project.resolve("db/migrations"),
					Environment.DEFAULT_TRACKING_TABLE);
			Confiture confiture = Confiture.of(environment);
			SchemaExportOptions options = SchemaExportOptions.defaults().withShadowServer(this.server);
			Quiesce.server(this.server);
			return new Trial() {

				private SchemaExportResult result;

				@Override
				public void run() {
					this.result = confiture.writeSchemaFromDatabase(options);
				}

				@Override
				public void check() {
					if (!this.result.verified()) {
						throw new IllegalStateException("Not proved: " + this.result.differences());
					}
					long tableFiles = this.result.files()
						.stream()
						.filter((file) -> file.contains("/10_tables/"))
						.count();
					if (tableFiles != Adopt.this.tables) {
						throw new IllegalStateException(
								"Wrote " + tableFiles + " table files, expected " + Adopt.this.tables);
					}
				}

			};
		}

		@Override
		public void close() {
			this.live.close();
		}

	}

	private static final class PgDump implements Contender {

		private final Path pgDump;

		private final ScratchDatabase live;

		private final Path output;

		private final int tables;

		PgDump(Path pgDump, ScratchDatabase live, Path output, int tables) {
			this.pgDump = pgDump;
			this.live = live;
			this.output = output;
			this.tables = tables;
		}

		@Override
		public String name() {
			return PG_DUMP;
		}

		@Override
		public Trial newTrial() throws IOException {
			Files.deleteIfExists(this.output);
			ConnectionSettings settings = this.live.settings();
			Map<String, String> environment = new HashMap<>();
			if (settings.user() != null) {
				environment.put("PGUSER", settings.user());
			}
			if (settings.password() != null) {
				environment.put("PGPASSWORD", settings.password());
			}
			return new Trial() {

				@Override
				public void run() throws Exception {
					Subprocess.run(List.of(PgDump.this.pgDump.toString(), "-s", "-f", PgDump.this.output.toString(),
							PsqlContender.libpqUri(settings)), environment);
				}

				@Override
				public void check() throws IOException {
					long created;
					try (Stream<String> lines = Files.lines(PgDump.this.output)) {
						created = lines.filter((line) -> line.startsWith("CREATE TABLE ")).count();
					}
					if (created != PgDump.this.tables) {
						throw new IllegalStateException("pg_dump wrote " + created + " tables");
					}
				}

			};
		}

	}

	private static void delete(Path directory) throws IOException {
		if (!Files.exists(directory)) {
			return;
		}
		try (Stream<Path> walk = Files.walk(directory)) {
			for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}

}
