package dev.confiture.spring.boot.autoconfigure;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import dev.confiture.core.Confiture;
import dev.confiture.core.tenant.FleetAction;
import dev.confiture.core.tenant.FleetOptions;
import dev.confiture.core.tenant.FleetResult;
import dev.confiture.core.tenant.Tenant;
import dev.confiture.core.tenant.TenantCreateOptions;
import dev.confiture.core.tenant.TenantCreation;
import dev.confiture.core.tenant.TenantOutcome;
import dev.confiture.core.tenant.TenantState;

/**
 * The application's tenants ({@code confiture.tenants.*}): create and migrate one tenant
 * at runtime (onboarding from a request), migrate or report all of them. Safe when
 * several instances do it at once: each tenant has its own migration lock.
 *
 * @since 0.1.0
 */
public class ConfitureTenants {

	private final Confiture confiture;

	private final FleetOptions defaults;

	private volatile FleetResult lastRun;

	private final Map<String, TenantOutcome> latest = new ConcurrentSkipListMap<>();

	private volatile Instant updatedAt;

	/**
	 * Creates the bean.
	 * @param confiture the main target, configured with the tenants
	 * @param defaults how fleet runs are made
	 */
	public ConfitureTenants(Confiture confiture, FleetOptions defaults) {
		this.confiture = confiture;
		this.defaults = defaults;
	}

	/** Lists the tenants. */
	public List<Tenant> list() {
		return this.confiture.tenants();
	}

	/**
	 * Creates a tenant from the schema files, or migrates it if it already exists.
	 * @param name the tenant's name
	 * @return where the tenant stands now
	 */
	public TenantOutcome createOrMigrate(String name) {
		TenantCreation creation = this.confiture.createTenant(TenantCreateOptions.of(name).withIfMissing(true));
		if (creation.created()) {
			return record(new TenantOutcome(name, creation.tenant().server(), TenantState.UP_TO_DATE,
					creation.baselinedMigrations().isEmpty() ? null
							: creation.baselinedMigrations().get(creation.baselinedMigrations().size() - 1),
					List.of(), List.of(), List.of(), creation.durationMs(), null, null));
		}
		return migrate(name);
	}

	/**
	 * Applies the pending migrations of one tenant.
	 * @param name the tenant's name
	 * @return what happened to it
	 */
	public TenantOutcome migrate(String name) {
		return record(this.confiture.fleet(this.defaults.withTenants(List.of(name))).tenants().get(0));
	}

	/** Applies the pending migrations of every tenant, in parallel. */
	public FleetResult migrateAll() {
		FleetResult result = this.confiture.fleet(this.defaults);
		this.lastRun = result;
		return recordAll(result);
	}

	/** Reports where every tenant stands, read-only. */
	public FleetResult status() {
		return recordAll(this.confiture.fleet(
				new FleetOptions(FleetAction.STATUS, List.of(), this.defaults.parallel(), this.defaults.maxPerServer(),
						false, this.defaults.lockWait(), this.defaults.checksumPolicy(), null, null)));
	}

	/**
	 * The last run of every tenant made by this bean (at startup or later), or
	 * {@code null}.
	 */
	public FleetResult lastRun() {
		return this.lastRun;
	}

	/**
	 * Where the tenants stand after the latest operations of this bean (the startup run,
	 * {@link #migrateAll()}, {@link #status()}, then single tenants): counts per state
	 * and the first tenants that are not up to date, never a row per tenant.
	 * @param maxProblems how many of the tenants that are not up to date to list
	 * @return the summary, with no tenants before the first operation
	 */
	public Summary summary(int maxProblems) {
		Map<TenantState, Integer> counts = new EnumMap<>(TenantState.class);
		List<TenantOutcome> problems = new java.util.ArrayList<>();
		int problemCount = 0;
		for (TenantOutcome outcome : this.latest.values()) {
			counts.merge(outcome.state(), 1, Integer::sum);
			if (!outcome.state().isUpToDate()) {
				problemCount++;
				if (problems.size() < maxProblems) {
					problems.add(outcome);
				}
			}
		}
		return new Summary(this.latest.size(), counts, problemCount, problems, this.updatedAt);
	}

	private FleetResult recordAll(FleetResult result) {
		synchronized (this.latest) {
			this.latest.clear();
			result.tenants().forEach((outcome) -> this.latest.put(outcome.tenant(), outcome));
			this.updatedAt = Instant.now();
		}
		return result;
	}

	private TenantOutcome record(TenantOutcome outcome) {
		synchronized (this.latest) {
			this.latest.put(outcome.tenant(), outcome);
			this.updatedAt = Instant.now();
		}
		return outcome;
	}

	/**
	 * Where the tenants stand.
	 *
	 * @param total how many tenants were seen
	 * @param counts how many tenants are in each state, states with none left out
	 * @param problemCount how many tenants are not up to date
	 * @param problems the first of them, by name
	 * @param updatedAt when an operation last changed the summary, or {@code null}
	 */
	public record Summary(int total, Map<TenantState, Integer> counts, int problemCount, List<TenantOutcome> problems,
			Instant updatedAt) {

		public Summary {
			Map<TenantState, Integer> copy = new EnumMap<>(TenantState.class);
			copy.putAll(counts);
			counts = java.util.Collections.unmodifiableMap(copy);
			problems = List.copyOf(problems);
		}

	}

}
