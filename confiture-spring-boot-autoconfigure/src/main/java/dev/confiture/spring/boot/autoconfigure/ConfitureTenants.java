package dev.confiture.spring.boot.autoconfigure;

import java.util.List;

import dev.confiture.core.Confiture;
import dev.confiture.core.tenant.FleetAction;
import dev.confiture.core.tenant.FleetOptions;
import dev.confiture.core.tenant.FleetResult;
import dev.confiture.core.tenant.Tenant;
import dev.confiture.core.tenant.TenantCreateOptions;
import dev.confiture.core.tenant.TenantCreation;
import dev.confiture.core.tenant.TenantOutcome;

/**
 * The application's tenants ({@code confiture.tenants.*}): create and migrate one tenant at
 * runtime (onboarding from a request), migrate or report all of them. Safe when several
 * instances do it at once: each tenant has its own migration lock.
 *
 * @since 0.1.0
 */
public class ConfitureTenants {

	private final Confiture confiture;

	private final FleetOptions defaults;

	private volatile FleetResult lastRun;

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
			return new TenantOutcome(name, creation.tenant().server(), dev.confiture.core.tenant.TenantState.UP_TO_DATE,
					creation.baselinedMigrations().isEmpty() ? null
							: creation.baselinedMigrations().get(creation.baselinedMigrations().size() - 1),
					List.of(), List.of(), List.of(), creation.durationMs(), null, null);
		}
		return migrate(name);
	}

	/**
	 * Applies the pending migrations of one tenant.
	 * @param name the tenant's name
	 * @return what happened to it
	 */
	public TenantOutcome migrate(String name) {
		return this.confiture.fleet(this.defaults.withTenants(List.of(name))).tenants().get(0);
	}

	/** Applies the pending migrations of every tenant, in parallel. */
	public FleetResult migrateAll() {
		FleetResult result = this.confiture.fleet(this.defaults);
		this.lastRun = result;
		return result;
	}

	/** Reports where every tenant stands, read-only. */
	public FleetResult status() {
		return this.confiture.fleet(new FleetOptions(FleetAction.STATUS, List.of(), this.defaults.parallel(),
				this.defaults.maxPerServer(), false, this.defaults.lockWait(), this.defaults.checksumPolicy(), null, null));
	}

	/** The last run of every tenant made by this bean (at startup or later), or {@code null}. */
	public FleetResult lastRun() {
		return this.lastRun;
	}

}
