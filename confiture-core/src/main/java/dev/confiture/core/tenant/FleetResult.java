package dev.confiture.core.tenant;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a fleet operation did, tenant by tenant.
 *
 * @param action what was done
 * @param tenants one outcome per tenant, ordered by tenant name
 * @param durationMs the total time, in milliseconds
 */
public record FleetResult(FleetAction action, List<TenantOutcome> tenants, long durationMs) {

	public FleetResult {
		tenants = List.copyOf(tenants);
	}

	/**
	 * Whether every tenant is up to date (or, when verifying, matches its schema files).
	 */
	public boolean allUpToDate() {
		return this.tenants.stream().allMatch((tenant) -> tenant.state().isUpToDate());
	}

	/** How many tenants are in each state, states with none left out. */
	public Map<TenantState, Integer> counts() {
		Map<TenantState, Integer> counts = new EnumMap<>(TenantState.class);
		this.tenants.forEach((tenant) -> counts.merge(tenant.state(), 1, Integer::sum));
		return counts;
	}

	/** The tenants that are not up to date. */
	public List<TenantOutcome> problems() {
		return this.tenants.stream().filter((tenant) -> !tenant.state().isUpToDate()).toList();
	}

}
