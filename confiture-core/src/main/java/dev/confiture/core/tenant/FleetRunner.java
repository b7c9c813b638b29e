package dev.confiture.core.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntFunction;
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

	private final TenantWork work;

	private final Map<String, ConnectionPool> sharedPools = new ConcurrentHashMap<>();

	private final Map<String, Semaphore> servers = new ConcurrentHashMap<>();

	private final AtomicBoolean stopped = new AtomicBoolean();

	private final AtomicInteger done = new AtomicInteger();

	private final AtomicInteger failed = new AtomicInteger();

	private final SharedValues shared = new SharedValues();

	private FleetOptions options;

	private long start;

	private int total;

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
		this.total = tenants.size();
		options.listener().started(tenants.size());
		ExecutorService executor = Executors
			.newFixedThreadPool(Math.min(options.parallel(), Math.max(1, tenants.size())), (task) -> {
				Thread thread = new Thread(task, "confiture-fleet");
				thread.setDaemon(true);
				return thread;
			});
		try {
			TenantOutcome[] outcomes = switch (options.action()) {
				case VERIFY -> verify(executor, tenants, expected.get());
				case STATUS -> judgeAll(probeAll(executor, tenants));
				case MIGRATE -> migrate(executor, probeAll(executor, tenants));
			};
			List<TenantOutcome> sorted = Arrays.asList(outcomes);
			sorted.sort(Comparator.comparing(TenantOutcome::tenant));
			return new FleetResult(options.action(), sorted, TenantWork.elapsed(this.start));
		}
		finally {
			executor.shutdownNow();
			this.sharedPools.values().forEach(ConnectionPool::close);
		}
	}

	/**
	 * Probes every tenant.
	 * @return the probes, in the order of the tenants
	 */
	private Probe[] probeAll(ExecutorService executor, List<Tenant> tenants) {
		Probe[] probes = new Probe[tenants.size()];
		parallel(executor, tenants::get, tenants.size(), (index, tenant) -> {
			Probe probe = withConnections(tenant, (dataSource) -> this.work.probe(tenant, dataSource, this.shared));
			if (probe.failure() != null && this.options.failFast()) {
				this.stopped.set(true);
			}
			probes[index] = probe;
		});
		return probes;
	}

	/**
	 * Judges every probe, then migrates the tenants that need it. A probe is let go as
	 * soon as its tenant has an outcome, so that the run keeps one or the other.
	 */
	private TenantOutcome[] migrate(ExecutorService executor, Probe[] probes) {
		TenantOutcome[] outcomes = new TenantOutcome[probes.length];
		PeerNorms norms = PeerNorms.of(probes);
		for (int i = 0; i < probes.length; i++) {
			TenantOutcome outcome = drifted(probes[i], norms);
			if (outcome == null) {
				outcome = TenantWork.judge(probes[i], true);
			}
			if (outcome != null) {
				outcomes[i] = finished(outcome);
				probes[i] = null;
			}
		}
		parallel(executor, (index) -> (probes[index] != null) ? probes[index].tenant() : null, probes.length,
				(index, tenant) -> {
					Probe probe = probes[index];
					probes[index] = null;
					if (this.stopped.get()) {
						outcomes[index] = finished(TenantWork.outcome(probe, TenantState.NOT_RUN,
								"Not run: the fleet run stopped at the first failing tenant",
								"Run the fleet again to go on"));
						return;
					}
					outcomes[index] = finished(
							withConnections(tenant, (dataSource) -> this.work.migrate(probe, dataSource, this.shared)));
				});
		return outcomes;
	}

	private TenantOutcome[] judgeAll(Probe[] probes) {
		TenantOutcome[] outcomes = new TenantOutcome[probes.length];
		PeerNorms norms = PeerNorms.of(probes);
		for (int i = 0; i < probes.length; i++) {
			TenantOutcome outcome = drifted(probes[i], norms);
			outcomes[i] = finished((outcome != null) ? outcome : TenantWork.judge(probes[i], false));
			probes[i] = null;
		}
		return outcomes;
	}

	/**
	 * The outcome of a tenant that differs from the norm of its peers.
	 * @return the outcome, or {@code null} when the tenant has not drifted
	 */
	private TenantOutcome drifted(Probe probe, PeerNorms norms) {
		PeerNorms.Norm norm = norms.departedFrom(probe);
		return (norm != null) ? driftedOutcome(probe, norm.reference(), norm.agreeing(), norm.peers()) : null;
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

	private TenantOutcome[] verify(ExecutorService executor, List<Tenant> tenants, Set<String> expected) {
		TenantOutcome[] outcomes = new TenantOutcome[tenants.size()];
		parallel(executor, tenants::get, tenants.size(), (index, tenant) -> {
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
			outcomes[index] = finished(outcome);
		});
		return outcomes;
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

	private int totalOf() {
		return this.total;
	}

	/**
	 * Runs a task for every tenant on the executor's threads, each thread taking the next
	 * tenant when it is done with one (in order, at most {@code maxPerServer} on one
	 * server), so that nothing is queued or kept per tenant. An unexpected failure stops
	 * the start of further tenants and is thrown once the running ones are finished.
	 * @param tenantAt the tenant at an index, or {@code null} to skip the index
	 * @param count the number of indexes
	 * @param task what to do with a tenant, given its index
	 */
	private void parallel(ExecutorService executor, IntFunction<Tenant> tenantAt, int count, TenantTask task) {
		AtomicInteger next = new AtomicInteger();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Runnable worker = () -> {
			int index;
			while (failure.get() == null && !Thread.currentThread().isInterrupted()
					&& (index = next.getAndIncrement()) < count) {
				Tenant tenant = tenantAt.apply(index);
				if (tenant == null) {
					continue;
				}
				Semaphore server = this.servers.computeIfAbsent(tenant.server(),
						(key) -> new Semaphore(this.options.maxPerServer()));
				server.acquireUninterruptibly();
				try {
					task.run(index, tenant);
				}
				catch (RuntimeException | Error ex) {
					failure.compareAndSet(null, ex);
				}
				finally {
					server.release();
				}
			}
		};
		int threads = Math.min(this.options.parallel(), Math.max(1, count));
		List<Future<?>> workers = new ArrayList<>(threads);
		for (int i = 0; i < threads; i++) {
			workers.add(executor.submit(worker));
		}
		for (Future<?> future : workers) {
			try {
				future.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				ConfitureException interrupted = new ConfitureException(Category.DATABASE,
						"The fleet run was interrupted", "Run it again", ex);
				failure.compareAndSet(null, interrupted);
				throw interrupted;
			}
			catch (ExecutionException ex) {
				failure.compareAndSet(null, ex.getCause());
			}
		}
		Throwable cause = failure.get();
		if (cause instanceof RuntimeException runtime) {
			throw runtime;
		}
		if (cause instanceof Error error) {
			throw error;
		}
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

	/**
	 * One tenant's part of a parallel run.
	 */
	@FunctionalInterface
	private interface TenantTask {

		void run(int index, Tenant tenant);

	}

}
