package dev.confiture.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.confiture.core.Confiture;
import dev.confiture.core.config.ConnectionSettings;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.sync.Anonymization;
import dev.confiture.core.sync.SyncEndpoint;
import dev.confiture.core.sync.SyncOptions;

/**
 * Issue 17: copying a 2-million-row table of 10 mixed columns into another database with
 * the same schema: {@code Confiture.sync} raw and with three columns anonymised, against
 * {@code pg_dump -Fc | pg_restore} and {@code psql \copy | psql \copy}. Targets: raw sync
 * at least as fast as both; anonymised at least 80% of the raw rate.
 */
final class SyncBenchmark implements Benchmark {

	static final String RAW = "Confiture sync (raw)";

	static final String ANONYMISED = "Confiture sync, 3 columns anonymised";

	static final String PG_DUMP = "pg_dump -Fc piped to pg_restore";

	static final String PSQL = "psql \\copy piped to psql \\copy";

	static final int ROWS = Integer.getInteger("confiture.bench.sync.rows", 2_000_000);

	private static final String TABLE = """
			CREATE TABLE customer_event (
				id bigint PRIMARY KEY, email text NOT NULL, full_name text, phone text, amount numeric(12,2),
				created_at timestamptz, active boolean, score double precision, tags text[], payload jsonb)""";

	private static final String FILL = """
			INSERT INTO customer_event SELECT i, 'user' || i || '@mail.example', 'First' || i || ' Last' || (i % 977),
				'+33 6 ' || lpad((i % 100000000)::text, 8, '0'), (i % 100000) / 100.0,
				timestamptz '2020-01-01' + i * interval '1 minute', i % 3 = 0, i / 7.0,
				ARRAY['tag' || (i % 10), 'x'], jsonb_build_object('n', i, 'k', 'value ' || (i % 50))
			FROM generate_series(1, %d) i""";

	@Override
	public String name() {
		return "sync";
	}

	@Override
	public String summary() {
		return "copy a 2M-row table: Confiture sync raw and anonymised vs pg_dump | pg_restore vs psql \\copy pipes";
	}

	@Override
	public int defaultWarmups() {
		return 1;
	}

	@Override
	public int defaultRuns() {
		return 3;
	}

	@Override
	public Scenario prepare(BenchmarkContext context) throws IOException {
		PostgresServer server = context.server();
		ScratchDatabase source = server.createDatabase();
		ScratchDatabase target = server.createDatabase();
		execute(source.settings(), TABLE + ";" + FILL.replace("%d", String.valueOf(ROWS)));
		execute(source.settings(), "VACUUM ANALYZE customer_event");
		execute(target.settings(), TABLE);
		Path rules = context.workDirectory().resolve(name()).resolve("anonymize.yaml");
		Files.createDirectories(rules.getParent());
		Files.writeString(rules, "key: ${KEY}\ntables:\n  customer_event:\n    email: email\n    full_name: name\n"
				+ "    phone: phone\n");
		Anonymization anonymization = Anonymization.load(rules, Map.of("KEY", "benchmark-key-0123456789"));
		SyncOptions options = SyncOptions.of(SyncEndpoint.of(source.settings()), SyncEndpoint.of(target.settings()));
		List<Contender> contenders = new ArrayList<>();
		List<String> notes = new ArrayList<>();
		contenders.add(new SyncContender(RAW, options, target.settings()));
		contenders.add(new SyncContender(ANONYMISED, options.withAnonymization(anonymization), target.settings()));
		Path psql = context.tools().psql();
		Path pgDump = (psql != null) ? psql.resolveSibling("pg_dump") : null;
		Path pgRestore = (psql != null) ? psql.resolveSibling("pg_restore") : null;
		String serverMajor = query(source.settings(), "SHOW server_version_num").substring(0, 2);
		String dumpVersion = (pgDump != null && Files.isExecutable(pgDump))
				? Subprocess.firstLine(List.of(pgDump.toString(), "--version")) : "";
		boolean dumpUsable = dumpVersion.matches(".* (\\d+)\\..*")
				&& Integer.parseInt(dumpVersion.replaceAll(".* (\\d+)\\..*", "$1")) >= Integer.parseInt(serverMajor);
		String reference = RAW;
		if (dumpUsable) {
			contenders.add(new ShellContender(
					PG_DUMP, target.settings(), pgDump + " -Fc --data-only -t customer_event -d "
							+ uri(source.settings()) + " | " + pgRestore + " --data-only -d " + uri(target.settings()),
					source.settings()));
			reference = PG_DUMP;
		}
		else {
			notes.add("pg_dump | pg_restore not run: pg_dump " + dumpVersion + " cannot dump a PostgreSQL "
					+ serverMajor + " server (run with CONFITURE_TEST_JDBC_URL pointing at a server of pg_dump's major "
					+ "version)");
		}
		if (psql != null) {
			contenders.add(new ShellContender(PSQL, target.settings(),
					psql + " -X -q -d " + uri(source.settings()) + " -c '\\copy customer_event to stdout' | " + psql
							+ " -X -q -d " + uri(target.settings()) + " -c '\\copy customer_event from stdin'",
					source.settings()));
		}
		String description = ROWS + " rows of 10 columns (bigint key, 3 texts that look personal, numeric, "
				+ "timestamptz, boolean, double, text[], jsonb), "
				+ query(source.settings(), "SELECT pg_size_pretty(pg_total_relation_size('customer_event'))")
				+ " on disk, copied into an empty table of the same schema in another database of the same server. "
				+ "Sync: the whole Confiture.sync call (catalog comparison of both sides, TRUNCATE, binary COPY "
				+ "streamed through the JVM since every column has a built-in type, written FREEZE into the table "
				+ "truncated in the same transaction, row count check, sequences, "
				+ "progress row, commit). Anonymised: email, full_name "
				+ "and phone replaced by the email, name and phone strategies (keyed HMAC / format-preserving "
				+ "permutations). pg_dump: custom format (compressed) piped into pg_restore --data-only. psql: text "
				+ "COPY piped between two psql processes. Every contender starts from the same state: the target "
				+ "table is truncated before each repetition, outside the clock (sync truncates it again, then "
				+ "empty, in its copy transaction).";
		return new Scenario(description, contenders, reference, Target.allOf(
				"raw at least as fast as pg_dump piped to pg_restore and as the psql pipe; anonymised at least 80% of "
						+ "the raw rate",
				dumpUsable ? Target.ratioAtMost("raw as fast as pg_dump piped to pg_restore", RAW, PG_DUMP, 1.0)
						: Target.none("pg_dump not evaluated"),
				(psql != null) ? Target.ratioAtMost("raw as fast as the psql pipe", RAW, PSQL, 1.0)
						: Target.none("psql pipe not evaluated"),
				Target.ratioAtMost("anonymised >= 80% of raw rate", ANONYMISED, RAW, 1.25)), notes);
	}

	static String uri(ConnectionSettings database) {
		String libpq = PsqlContender.libpqUri(database);
		return "'" + libpq.replace("postgresql://", "postgresql://" + database.user() + "@") + "'";
	}

	static void execute(ConnectionSettings database, String sql) {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String query(ConnectionSettings database, String sql) {
		try (Connection connection = database.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getString(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Runs Confiture.sync in this JVM and records the peak heap it used. */
	private static final class SyncContender implements Contender {

		private final String name;

		private final SyncOptions options;

		private final ConnectionSettings target;

		private long peakHeap;

		private long rows;

		SyncContender(String name, SyncOptions options, ConnectionSettings target) {
			this.name = name;
			this.options = options;
			this.target = target;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public Trial newTrial() {
			execute(this.target, "TRUNCATE customer_event");
			System.gc();
			ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
			return new Trial() {

				@Override
				public void run() {
					SyncContender.this.rows = Confiture.sync(SyncContender.this.options).rows();
				}

				@Override
				public void check() {
					long peak = ManagementFactory.getMemoryPoolMXBeans()
						.stream()
						.filter((pool) -> pool.getType() == MemoryType.HEAP)
						.mapToLong((pool) -> pool.getPeakUsage().getUsed())
						.sum();
					SyncContender.this.peakHeap = Math.max(SyncContender.this.peakHeap, peak);
					String count = query(SyncContender.this.target, "SELECT count(*) FROM customer_event");
					if (Long.parseLong(count) != ROWS || SyncContender.this.rows != ROWS) {
						throw new IllegalStateException("expected " + ROWS + " rows, found " + count);
					}
				}

			};
		}

		@Override
		public List<String> notes() {
			return List.of(String.format(Locale.ROOT,
					"%s: peak heap %d MB (sum of the heap pools' peaks, after a GC "
							+ "before each repetition; the JVM's -Xmx decides how much garbage it keeps)",
					this.name, this.peakHeap / (1024 * 1024)));
		}

	}

	/** A shell pipeline; the target table is emptied before the clock. */
	private static final class ShellContender implements Contender {

		private final String name;

		private final ConnectionSettings target;

		private final String pipeline;

		private final ConnectionSettings source;

		ShellContender(String name, ConnectionSettings target, String pipeline, ConnectionSettings source) {
			this.name = name;
			this.target = target;
			this.pipeline = pipeline;
			this.source = source;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public Trial newTrial() {
			execute(this.target, "TRUNCATE customer_event");
			return new Trial() {

				@Override
				public void run() throws Exception {
					Map<String, String> environment = new HashMap<>();
					if (ShellContender.this.source.password() != null) {
						environment.put("PGPASSWORD", ShellContender.this.source.password());
					}
					Subprocess.run(List.of("bash", "-o", "pipefail", "-c", ShellContender.this.pipeline), environment);
				}

				@Override
				public void check() {
					String count = query(ShellContender.this.target, "SELECT count(*) FROM customer_event");
					if (Long.parseLong(count) != ROWS) {
						throw new IllegalStateException("expected " + ROWS + " rows, found " + count);
					}
				}

			};
		}

	}

}
