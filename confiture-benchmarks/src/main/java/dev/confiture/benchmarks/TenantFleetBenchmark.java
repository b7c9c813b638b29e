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
import java.util.List;
import java.util.Locale;

import org.flywaydb.core.Flyway;

import dev.confiture.core.Confiture;
import dev.confiture.core.config.TenantSettings;
import dev.confiture.core.server.PostgresServer;
import dev.confiture.core.server.ScratchDatabase;
import dev.confiture.core.tenant.FleetAction;
import dev.confiture.core.tenant.FleetOptions;
import dev.confiture.core.tenant.FleetResult;

/**
 * Issue 15: a fleet of tenant schemas, each with 20 pending migrations: Confiture
 * migrating them in parallel against Flyway run once per schema in a loop (its
 * multi-tenant recipe). Target: Confiture 3x faster or more. The heap variants run
 * Confiture alone and report its peak live heap, sampled after a forced GC every second,
 * to show that it does not grow with the number of tenants.
 * <p>
 * Sizes: {@code tenant-fleet} takes {@code -Dconfiture.bench.tenants=N} (default 1,000);
 * {@code tenant-fleet-heap-10000} takes {@code -Dconfiture.bench.heap-tenants=N} (default
 * 10,000: 200,000 migrations, well over five minutes even on a quiet 2-core machine);
 * {@code tenant-fleet-heap-1000} always runs 1,000 tenants.
 */
final class TenantFleetBenchmark implements Benchmark {

	static final String CONFITURE = "Confiture fleet, --parallel 4";

	static final String FLYWAY = "Flyway migrate per schema, in a loop";

	static final int MIGRATIONS = 20;

	private final int tenants;

	private final boolean withFlyway;

	TenantFleetBenchmark(int tenants, boolean withFlyway) {
		this(tenants, withFlyway,
				withFlyway ? "confiture.bench.tenants" : (tenants > 1_000) ? "confiture.bench.heap-tenants" : null);
	}

	/**
	 * Creates the benchmark.
	 * @param tenants the default number of tenants
	 * @param withFlyway whether Flyway runs too (else Confiture alone, for its heap)
	 * @param sizeProperty the system property that overrides the number of tenants, or
	 * {@code null} for a fixed size
	 */
	TenantFleetBenchmark(int tenants, boolean withFlyway, String sizeProperty) {
		this.tenants = (sizeProperty != null) ? Integer.getInteger(sizeProperty, tenants) : tenants;
		this.withFlyway = withFlyway;
		this.name = withFlyway ? "tenant-fleet" : "tenant-fleet-heap-" + tenants;
	}

	private final String name;

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String summary() {
		return String.format(Locale.ROOT, "%,d tenant schemas x %d pending migrations: Confiture fleet%s", this.tenants,
				MIGRATIONS, this.withFlyway ? " vs Flyway once per schema" : " (peak live heap)");
	}

	@Override
	public int defaultWarmups() {
		return 0;
	}

	@Override
	public int defaultRuns() {
		return 1;
	}

	@Override
	public Scenario prepare(BenchmarkContext context) throws IOException {
		Path root = context.workDirectory().resolve(name());
		Path project = root.resolve("project");
		Files.createDirectories(project.resolve("db/schema"));
		Files.createDirectories(project.resolve("db/migrations"));
		Path flyway = Files.createDirectories(root.resolve("flyway"));
		Files.createDirectories(project.resolve("db/environments"));
		Files.writeString(project.resolve("db/environments/bench.yaml"), "name: bench\ninclude_dirs: [db/schema]\n",
				java.nio.file.StandardOpenOption.CREATE_NEW);
		for (int i = 1; i <= MIGRATIONS; i++) {
			String sql = String.format(Locale.ROOT,
					"CREATE TABLE m%02d (id bigint PRIMARY KEY, name text NOT NULL, created_at timestamptz DEFAULT now());%n"
							+ "CREATE INDEX m%02d_created_at_idx ON m%02d (created_at);%n",
					i, i, i);
			Files.writeString(project.resolve(String.format(Locale.ROOT, "db/migrations/%03d_m%02d.up.sql", i, i)),
					sql);
			Files.writeString(flyway.resolve(String.format(Locale.ROOT, "V%d__m%02d.sql", i, i)), sql);
		}
		List<Contender> contenders = new ArrayList<>();
		contenders.add(new FleetContender(CONFITURE, context.server(), this.tenants, !this.withFlyway, (database) -> {
			FleetResult result = Confiture.configure()
				.projectDirectory(project)
				.environment("bench")
				.database(database.settings())
				.tenants(TenantSettings.schemasLike("tenant\\_%"))
				.load()
				.fleet(FleetOptions.of(FleetAction.MIGRATE).withParallel(4, 4));
			if (!result.allUpToDate() || result.tenants().size() != this.tenants) {
				throw new IllegalStateException("Fleet run not complete: " + result.counts());
			}
		}, "confiture_migrations"));
		if (this.withFlyway) {
			contenders.add(new FleetContender(FLYWAY, context.server(), this.tenants, false, (database) -> {
				for (int i = 1; i <= this.tenants; i++) {
					int executed = Flyway.configure()
						.dataSource(database.settings().jdbcUrl(), database.settings().user(),
								database.settings().password())
						.schemas(tenant(i))
						.locations("filesystem:" + flyway)
						.loggers("slf4j")
						.load()
						.migrate().migrationsExecuted;
					if (executed != MIGRATIONS) {
						throw new IllegalStateException("Flyway executed " + executed + " migrations in " + tenant(i));
					}
				}
			}, "flyway_schema_history"));
		}
		String description = String.format(Locale.ROOT, "%,d empty schemas tenant_00001... in one database, %d "
				+ "migrations each (a table with a primary key and an index). Confiture: Confiture.configure()..."
				+ ".tenants(schemas like tenant\\_%%).load().fleet(MIGRATE, parallel 4, max 4 per server): one "
				+ "connection pool, a lock and a tracking table per schema. Flyway: Flyway.configure().schemas(tenant)"
				+ "...migrate() for each schema in turn.", this.tenants, MIGRATIONS);
		Target target = this.withFlyway ? Target.ratioAtMost("Confiture 3x faster or more", CONFITURE, FLYWAY, 1.0 / 3)
				: Target.none("peak live heap reported in the notes");
		return new Scenario(description, contenders, this.withFlyway ? FLYWAY : null, target,
				List.of("Measured: from configuration to the last commit of the last tenant, connections included. "
						+ "Not measured: creating the database and its empty schemas.",
						this.withFlyway
								? "Peak heap: the sum of the heap pools' peaks (garbage included), reset "
										+ "after a System.gc() before the run."
								: "Peak live heap: the largest heap in use right after a System.gc() forced every "
										+ "second during the run (so the time of this variant is not comparable); "
										+ "run it with the same -Xmx for 1,000 and 10,000 tenants."));
	}

	static String tenant(int number) {
		return String.format(Locale.ROOT, "tenant_%05d", number);
	}

	@FunctionalInterface
	interface Work {

		void run(ScratchDatabase database) throws Exception;

	}

	/**
	 * Creates a database with the empty tenant schemas before the clock starts; reports
	 * the peak heap of the measured work, and with {@code sampleLiveHeap} the peak live
	 * heap.
	 */
	static final class FleetContender implements Contender {

		private final String name;

		private final PostgresServer server;

		private final int tenants;

		private final boolean sampleLiveHeap;

		private final Work work;

		private final String trackingTable;

		private final List<String> notes = new ArrayList<>();

		private volatile long peakLiveHeap;

		FleetContender(String name, PostgresServer server, int tenants, boolean sampleLiveHeap, Work work,
				String trackingTable) {
			this.name = name;
			this.server = server;
			this.tenants = tenants;
			this.sampleLiveHeap = sampleLiveHeap;
			this.work = work;
			this.trackingTable = trackingTable;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public Trial newTrial() throws SQLException {
			ScratchDatabase database = this.server.createDatabase();
			try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
				statement.execute("DO $$ BEGIN FOR i IN 1.." + this.tenants
						+ " LOOP EXECUTE format('CREATE SCHEMA tenant_%s', lpad(i::text, 5, '0')); END LOOP; END $$");
			}
			Quiesce.server(this.server);
			System.gc();
			ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
			return new Trial() {

				@Override
				public void run() throws Exception {
					if (!FleetContender.this.sampleLiveHeap) {
						FleetContender.this.work.run(database);
						return;
					}
					FleetContender.this.peakLiveHeap = 0;
					Thread sampler = new Thread(FleetContender.this::sampleLiveHeap, "live-heap-sampler");
					sampler.setDaemon(true);
					sampler.start();
					try {
						FleetContender.this.work.run(database);
					}
					finally {
						sampler.interrupt();
						sampler.join();
					}
				}

				@Override
				public void check() throws Exception {
					long peak = ManagementFactory.getMemoryPoolMXBeans()
						.stream()
						.filter((pool) -> pool.getType() == MemoryType.HEAP)
						.mapToLong((pool) -> pool.getPeakUsage().getUsed())
						.sum();
					FleetContender.this.notes.add(String.format(Locale.ROOT,
							"%s, %,d tenants: peak heap %.0f MB (sum of " + "heap pools' peaks, -Xmx %.0f MB)%s",
							FleetContender.this.name, FleetContender.this.tenants, peak / 1048576.0,
							Runtime.getRuntime().maxMemory() / 1048576.0,
							FleetContender.this.sampleLiveHeap ? String.format(Locale.ROOT,
									"; peak live heap %.1f MB (after a forced GC, every second)",
									FleetContender.this.peakLiveHeap / 1048576.0) : ""));
					try (Connection connection = database.connect();
							Statement statement = connection.createStatement();
							ResultSet rows = statement.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = '"
									+ FleetContender.this.trackingTable + "'")) {
						rows.next();
						if (rows.getInt(1) != FleetContender.this.tenants) {
							throw new IllegalStateException(
									rows.getInt(1) + " tracking tables, expected " + FleetContender.this.tenants);
						}
					}
				}

				@Override
				public void close() {
					database.close();
				}

			};
		}

		@Override
		public List<String> notes() {
			return this.notes;
		}

		/**
		 * Until interrupted: forces a GC every second and keeps the largest heap still in
		 * use.
		 */
		private void sampleLiveHeap() {
			java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
			while (!Thread.currentThread().isInterrupted()) {
				System.gc();
				this.peakLiveHeap = Math.max(this.peakLiveHeap, memory.getHeapMemoryUsage().getUsed());
				try {
					Thread.sleep(1000);
				}
				catch (InterruptedException ex) {
					return;
				}
			}
		}

	}

}
