package dev.confiture.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.Flyway;

import dev.confiture.core.Confiture;
import dev.confiture.core.config.TenantSettings;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.tenant.TenantCreateOptions;
import dev.confiture.core.tenant.TenantCreation;

/**
 * Issue 15: a new tenant with a 300-table schema: {@code confiture tenant create} (the
 * schema files in one transaction, 500 migrations baselined) against Flyway migrating a
 * new schema through the 500-migration history. Target: Confiture 5x faster or more.
 */
final class TenantCreateBenchmark implements Benchmark {

	static final String CONFITURE = "Confiture createTenant (300 tables)";

	static final String FLYWAY = "Flyway migrate of a new schema (500 migrations)";

	static final String PSQL = "psql: the same schema files, one transaction, one round trip";

	private static final int TABLES = 300;

	private static final int ALTERED = 200;

	private static final int MIGRATIONS = TABLES + ALTERED;

	private static final String TENANT = "tenant_new";

	@Override
	public String name() {
		return "tenant-create";
	}

	@Override
	public String summary() {
		return "new 300-table tenant schema: Confiture createTenant vs Flyway through 500 migrations";
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
	public Scenario prepare(BenchmarkContext context) throws IOException {
		Path root = context.workDirectory().resolve(name());
		Path project = root.resolve("project");
		Path flyway = Files.createDirectories(root.resolve("flyway"));
		Files.createDirectories(project.resolve("db/schema"));
		Files.createDirectories(project.resolve("db/migrations"));
		Files.createDirectories(project.resolve("db/environments"));
		Files.writeString(project.resolve("db/environments/bench.yaml"), "name: bench\ninclude_dirs: [db/schema]\n");
		StringBuilder floor = new StringBuilder(
				"BEGIN\\;\nCREATE SCHEMA " + TENANT + "\\;\nSET LOCAL search_path TO " + TENANT + ", public\\;\n");
		for (int t = 1; t <= TABLES; t++) {
			String create = create(t, false);
			write(project, flyway, t, "create_t" + t, create);
			String finalSql = create(t, t <= ALTERED);
			if (t <= ALTERED) {
				finalSql += String.format(Locale.ROOT, "CREATE INDEX t%03d_note_idx ON t%03d (note);%n", t, t);
			}
			Files.writeString(project.resolve(String.format(Locale.ROOT, "db/schema/t%03d.sql", t)), finalSql);
			floor.append(finalSql.replace(";" + System.lineSeparator(), "\\;\n"));
		}
		Path script = Files.writeString(root.resolve("one-round-trip.sql"), floor.append("COMMIT;\n"));
		for (int a = 1; a <= ALTERED; a++) {
			write(project, flyway, TABLES + a, "alter_t" + a,
					String.format(Locale.ROOT,
							"ALTER TABLE t%03d ADD COLUMN note text;%nCREATE INDEX t%03d_note_idx ON t%03d (note);%n",
							a, a, a));
		}
		PostgresServer server = context.server();
		Contender confiture = new TenantContender(CONFITURE, server, (database) -> {
			TenantCreation creation = Confiture.configure()
				.projectDirectory(project)
				.environment("bench")
				.database(database.settings())
				.tenants(TenantSettings.schemasLike("tenant\\_%"))
				.load()
				.createTenant(TenantCreateOptions.of(TENANT));
			if (!creation.created() || creation.baselinedMigrations().size() != MIGRATIONS) {
				throw new IllegalStateException("Tenant not created as expected: " + creation);
			}
		});
		Contender flywayContender = new TenantContender(FLYWAY, server, (database) -> {
			int executed = Flyway.configure()
				.dataSource(database.settings().jdbcUrl(), database.settings().user(), database.settings().password())
				.schemas(TENANT)
				.locations("filesystem:" + flyway)
				.loggers("slf4j")
				.load()
				.migrate().migrationsExecuted;
			if (executed != MIGRATIONS) {
				throw new IllegalStateException("Flyway executed " + executed + " migrations");
			}
		});
		String description = TABLES
				+ " tables (identity key, text, numeric, timestamptz, a foreign key to the previous " + "table), "
				+ ALTERED + " of them later given a column and an index: " + MIGRATIONS + " migrations. "
				+ "Confiture builds the final schema files (" + TABLES + " files) into the new schema " + TENANT
				+ " in one transaction and baselines the " + MIGRATIONS + " migrations; Flyway creates the schema and "
				+ "replays the " + MIGRATIONS + " V__ files into it.";
		List<Contender> contenders = new ArrayList<>(List.of(confiture, flywayContender));
		List<String> notes = new ArrayList<>();
		notes.add("Measured: the Java API call of each tool, from configuration to the last commit, connections "
				+ "included. Not measured: CREATE/DROP DATABASE around each repetition.");
		Path psql = context.tools().psql();
		if (psql != null) {
			contenders.add(new TenantContender(PSQL, server,
					(database) -> Subprocess.run(
							List.of(psql.toString(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d",
									PsqlContender.libpqUri(database.settings()), "-f", script.toString()),
							PsqlContender.environment(database.settings()))));
			notes.add("The psql row is the server's floor for this DDL, no target: BEGIN, CREATE SCHEMA, SET LOCAL "
					+ "search_path, the " + TABLES + " schema files and COMMIT sent as one query string (statements "
					+ "joined with \\;), so one round trip; it records nothing (no tracking table, no build record) "
					+ "and includes psql's own start. What Confiture takes beyond it is its own work: loading the "
					+ "project, finding and hashing the " + MIGRATIONS + " migrations, splitting the files, the lock, "
					+ "and recording the build and the " + MIGRATIONS + " baselines.");
		}
		else {
			notes.add("psql was not found (install it or pass --psql PATH): the server's floor (psql) was skipped.");
		}
		return new Scenario(description, contenders, FLYWAY,
				Target.ratioAtMost("Confiture 5x faster or more", CONFITURE, FLYWAY, 0.2), notes);
	}

	private static String create(int table, boolean withNote) {
		return String.format(Locale.ROOT, "CREATE TABLE t%03d (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
				+ "name text NOT NULL, amount numeric(12,2) NOT NULL DEFAULT 0, created_at timestamptz NOT NULL DEFAULT "
				+ "now()%s%s);%n", table,
				(table > 1) ? String.format(Locale.ROOT, ", parent_id bigint REFERENCES " + "t%03d (id)", table - 1)
						: "",
				withNote ? ", note text" : "");
	}

	private static void write(Path project, Path flyway, int version, String name, String sql) throws IOException {
		Files.writeString(project.resolve(String.format(Locale.ROOT, "db/migrations/%03d_%s.up.sql", version, name)),
				sql);
		Files.writeString(flyway.resolve(String.format(Locale.ROOT, "V%d__%s.sql", version, name)), sql);
	}

	@FunctionalInterface
	interface Work {

		void run(ScratchDatabase database) throws Exception;

	}

	static final class TenantContender implements Contender {

		private final String name;

		private final PostgresServer server;

		private final Work work;

		TenantContender(String name, PostgresServer server, Work work) {
			this.name = name;
			this.server = server;
			this.work = work;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public Trial newTrial() {
			ScratchDatabase database = this.server.createDatabase();
			Quiesce.server(this.server);
			return new Trial() {

				@Override
				public void run() throws Exception {
					TenantContender.this.work.run(database);
				}

				@Override
				public void check() throws Exception {
					try (Connection connection = database.connect();
							Statement statement = connection.createStatement();
							ResultSet rows = statement
								.executeQuery("SELECT count(*) FROM pg_tables WHERE schemaname = '" + TENANT
										+ "' AND tablename ~ '^t[0-9]{3}$'")) {
						rows.next();
						if (rows.getInt(1) != TABLES) {
							throw new IllegalStateException(rows.getInt(1) + " tables in " + TENANT);
						}
					}
				}

				@Override
				public void close() {
					database.close();
				}

			};
		}

	}

}
