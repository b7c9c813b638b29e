package dev.confiture.core.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.sql.DataSource;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.tenant.TenantWork.Probe;

/**
 * Runs one operation over many tenants on a bounded number of threads and connections: at
 * most {@code parallel} tenants at a time, at most {@code maxPerServer} on one server.
 * Schema tenants of one database share a connection pool. A tenant's failure is recorded
 * in its outcome and never stops the others unless asked to.
 * <p>
 * Before migrating, every tenant is probed (its migrations and the fingerprint of its
 * structure). Tenants with the same applied migrations should have the same structure:
 * when most of at least three such tenants agree, the others have drifted and are
 * skipped.
 */
final class FleetRunner {

	private static final int MIN_PEERS = 3;

	private final TenantWork work;

	private final Map<String, ConnectionPool> sharedPools = new ConcurrentHashMap<>();

	private final Map<String, Semaphore> servers = new ConcurrentHashMap<>();

	private final AtomicBoolean stopped = new AtomicBoolean();

	private final AtomicInteger done = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	private FleetOptions options;

	private long start;

	FleetRunner(TenantWork work) {
		this.work = work;
	}

	static void check(FleetOptions options) {
		checkBound(options.parallel(), "parallel");
		checkBound(options.maxPerServer(), "maxPerServer");
	}

	private static void checkBound(int value, String name) {
		if (value < 1 || value > FleetOptions.MAX_PARALLEL) {
			throw new ConfitureException(Category.CONFIG,
					"The number of tenants at a time (" + name + ") must be from 1 to " + FleetOptions.MAX_PARALLEL
							+ ", not " + value + "; nothing was run",
					"Pass a number of tenants to handle at once, such as 4");
		}
	}

	/**
	 * Runs the operation.
	 * @param tenants the tenants, ordered by name
	 * @param options how to run
	 * @param expected the structure every tenant should have (verify only)
	 * @return the outcome of every tenant, ordered by name
	 */
	FleetResult run(List<Tenant> tenants, FleetOptions options, Supplier<Set<String>> expected) {
		check(options);
		this.options = options;
		this.start = System.nanoTime();
		options.listener().started(tenants.size());
		ExecutorService executor = Executors
			.newFixedThreadPool(Math.min(options.parallel(), Math.max(1, tenants.size())), (task) -> {
				Thread thread = new Thread(task, "confiture-fleet");
				thread.setDaemon(true);
				return thread;
			});
		try {
			List<TenantOutcome> outcomes = switch (options.action()) {
				case VERIFY -> verify(executor, tenants, expected.get());
				case STATUS -> judgeAll(probeAll(executor, tenants), false);
				case MIGRATE -> migrate(executor, probeAll(executor, tenants));
			};
			List<TenantOutcome> sorted = new ArrayList<>(outcomes);
			sorted.sort(Comparator.comparing(TenantOutcome::tenant));
			return new FleetResult(options.action(), sorted, TenantWork.elapsed(this.start));
		}
		finally {
			executor.shutdownNow();
			this.sharedPools.values().forEach(ConnectionPool::close);
		}
	}

	private List<Probe> probeAll(ExecutorService executor, List<Tenant> tenants) {
		return parallel(executor, tenants, (tenant) -> withConnections(tenant, (dataSource) -> {
			Probe probe = this.work.probe(tenant, dataSource);
			if (probe.failure() != null && this.options.failFast()) {
				this.stopped.set(true);
			}
			return probe;
		}));
	}

	private List<TenantOutcome> migrate(ExecutorService executor, List<Probe> probes) {
		List<TenantOutcome> outcomes = new ArrayList<>();
		List<Probe> toMigrate = new ArrayList<>();
		Map<Tenant, TenantOutcome> drifted = drifted(probes);
		for (Probe probe : probes) {
			TenantOutcome outcome = drifted.get(probe.tenant());
			if (outcome == null) {
				outcome = TenantWork.judge(probe, true);
			}
			if (outcome != null) {
				outcomes.add(finished(outcome));
			}
			else {
				toMigrate.add(probe);
			}
		}
		outcomes.addAll(parallel(executor, toMigrate.stream().map(Probe::tenant).toList(), probeFor(toMigrate)));
		return outcomes;
	}

	private Function<Tenant, TenantOutcome> probeFor(List<Probe> probes) {
		Map<Tenant, Probe> byTenant = new HashMap<>();
		probes.forEach((probe) -> byTenant.put(probe.tenant(), probe));
		return (tenant) -> {
			Probe probe = byTenant.get(tenant);
			if (this.stopped.get()) {
				return finished(TenantWork.outcome(probe, TenantState.NOT_RUN,
						"Not run: the fleet run stopped at the first failing tenant", "Run the fleet again to go on"));
			}
			TenantOutcome outcome = withConnections(tenant, (dataSource) -> this.work.migrate(probe, dataSource));
			return finished(outcome);
		};
	}

	private List<TenantOutcome> judgeAll(List<Probe> probes, boolean migrating) {
		Map<Tenant, TenantOutcome> drifted = drifted(probes);
		List<TenantOutcome> outcomes = new ArrayList<>();
		for (Probe probe : probes) {
			TenantOutcome outcome = drifted.get(probe.tenant());
			outcomes.add(finished((outcome != null) ? outcome : TenantWork.judge(probe, migrating)));
		}
		return outcomes;
	}

	private Map<Tenant, TenantOutcome> drifted(List<Probe> probes) {
		Map<String, List<Probe>> groups = new HashMap<>();
		probes.stream()
			.filter((probe) -> probe.failure() == null && probe.fingerprint() != null && probe.initialized())
			.forEach((probe) -> groups.computeIfAbsent(probe.peerKey(), (key) -> new ArrayList<>()).add(probe));
		Map<Tenant, TenantOutcome> drifted = new HashMap<>();
		for (List<Probe> group : groups.values()) {
			if (group.size() < MIN_PEERS) {
				continue;
			}
			Map<String, List<Probe>> byFingerprint = new HashMap<>();
			group.forEach((probe) -> byFingerprint.computeIfAbsent(probe.fingerprint(), (key) -> new ArrayList<>())
				.add(probe));
			List<Probe> norm = byFingerprint.values().stream().max(Comparator.comparingInt(List::size)).orElseThrow();
			if (norm.size() * 2 <= group.size()) {
				continue;
			}
			Probe reference = norm.get(0);
			for (Probe probe : group) {
				if (!probe.fingerprint().equals(reference.fingerprint())) {
					drifted.put(probe.tenant(), driftedOutcome(probe, reference, norm.size(), group.size()));
				}
			}
		}
		return drifted;
	}

	private TenantOutcome driftedOutcome(Probe probe, Probe reference, int agreeing, int peers) {
		List<String> differences = withConnections(reference.tenant(),
				(referenceSource) -> withConnections(probe.tenant(), (dataSource) -> {
					try (Connection expected = referenceSource.getConnection();
							Connection actual = dataSource.getConnection()) {
						return Structure.differences(Structure.read(actual, probe.tenant().schema()),
								Structure.read(expected, reference.tenant().schema()));
					}
					catch (SQLException ex) {
						return List.of("could not be compared: " + ex.getMessage());
					}
				}));
		TenantOutcome outcome = TenantWork.outcome(probe, TenantState.DRIFTED,
				probe.tenant().description() + " differs from the " + agreeing + " of " + peers
						+ " tenants that have the same migrations applied (" + differences.size()
						+ " difference(s)); the tenant was skipped",
				"Bring the tenant back to the schema its migrations describe (or record the change in a migration), "
						+ "then run the fleet again");
		return new TenantOutcome(outcome.tenant(), outcome.server(), outcome.state(), outcome.currentVersion(),
				outcome.appliedVersions(), outcome.pendingVersions(), differences, outcome.durationMs(),
				outcome.error(), outcome.hint(), outcome.remedy());
	}

	private List<TenantOutcome> verify(ExecutorService executor, List<Tenant> tenants, Set<String> expected) {
		return parallel(executor, tenants, (tenant) -> {
			long started = System.nanoTime();
			TenantOutcome outcome = withConnections(tenant, (dataSource) -> {
				try (Connection connection = dataSource.getConnection()) {
					List<String> differences = Structure.differences(Structure.read(connection, tenant.schema()),
							expected);
					return new TenantOutcome(tenant.name(), tenant.server(),
							differences.isEmpty() ? TenantState.UP_TO_DATE : TenantState.DRIFTED, null, List.of(),
							List.of(), differences, TenantWork.elapsed(started),
							differences.isEmpty() ? null
									: tenant.description() + " differs from its schema files in " + differences.size()
											+ " way(s)",
							differences.isEmpty() ? null
									: "Write a migration for the difference, or fix the schema files");
				}
				catch (SQLException ex) {
					return new TenantOutcome(tenant.name(), tenant.server(), TenantState.FAILED, null, List.of(),
							List.of(), List.of(), TenantWork.elapsed(started),
							"Could not read " + tenant.description() + ": " + ex.getMessage(),
							"Check that PostgreSQL is running and reachable");
				}
			});
			return finished(outcome);
		});
	}

	private TenantOutcome finished(TenantOutcome outcome) {
		if (outcome.state().isUpToDate()) {
			this.done.incrementAndGet();
		}
		else {
			this.failed.incrementAndGet();
			if (this.options.failFast() && outcome.state() != TenantState.NOT_RUN) {
				this.stopped.set(true);
			}
		}
		synchronized (this) {
			this.options.listener()
				.finished(outcome, new FleetProgress(totalOf(), this.done.get(), this.failed.get(),
						TenantWork.elapsed(this.start)));
		}
		return outcome;
	}

	private int total;

	private int totalOf() {
		return this.total;
	}

	private <T> List<T> parallel(ExecutorService executor, List<Tenant> tenants, Function<Tenant, T> task) {
		if (this.total == 0) {
			this.total = tenants.size();
		}
		List<Future<T>> futures = new ArrayList<>(tenants.size());
		for (Tenant tenant : tenants) {
			futures.add(executor.submit(() -> {
				Semaphore server = this.servers.computeIfAbsent(tenant.server(),
						(key) -> new Semaphore(this.options.maxPerServer()));
				server.acquireUninterruptibly();
				try {
					return task.apply(tenant);
				}
				finally {
					server.release();
				}
			}));
		}
		List<T> results = new ArrayList<>(tenants.size());
		for (Future<T> future : futures) {
			try {
				results.add(future.get());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new ConfitureException(Category.DATABASE, "The fleet run was interrupted", "Run it again", ex);
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				throw (cause instanceof RuntimeException runtime) ? runtime : new IllegalStateException(cause);
			}
		}
		return results;
	}

	private <T> T withConnections(Tenant tenant, Function<DataSource, T> task) {
		if (tenant.isSchema()) {
			ConnectionPool pool = this.sharedPools.computeIfAbsent(tenant.location(),
					(url) -> new ConnectionPool(tenant.database()));
			return task.apply(pool.dataSource(tenant.schema()));
		}
		try (ConnectionPool pool = new ConnectionPool(tenant.database())) {
			return task.apply(pool.dataSource(null));
		}
	}

}
