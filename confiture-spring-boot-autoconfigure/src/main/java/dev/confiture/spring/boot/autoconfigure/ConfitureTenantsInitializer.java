package dev.confiture.spring.boot.autoconfigure;

import java.util.stream.Collectors;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.InitializingBean;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.tenant.FleetResult;
import dev.confiture.core.tenant.TenantOutcome;

/**
 * Migrates every tenant at startup, after the main target and before JPA, jOOQ or JDBC
 * clients start.
 *
 * @since 0.1.0
 */
public class ConfitureTenantsInitializer implements InitializingBean {

	private static final Log logger = LogFactory.getLog(ConfitureTenantsInitializer.class);

	private final ConfitureTenants tenants;

	private final boolean failOnError;

	/**
	 * Creates the initializer.
	 * @param tenants the tenants
	 * @param failOnError whether startup fails when a tenant is not up to date
	 */
	public ConfitureTenantsInitializer(ConfitureTenants tenants, boolean failOnError) {
		this.tenants = tenants;
		this.failOnError = failOnError;
	}

	@Override
	public void afterPropertiesSet() {
		FleetResult result = this.tenants.migrateAll();
		logger.info("Confiture tenants: " + result.tenants().size() + " tenant(s) in " + result.durationMs() + " ms: "
				+ result.counts());
		if (!result.allUpToDate()) {
			String failing = result.problems()
				.stream()
				.limit(10)
				.map(TenantOutcome::tenant)
				.collect(Collectors.joining(", "));
			String first = result.problems().get(0).error();
			String message = result.problems().size() + " tenant(s) are not up to date: " + failing
					+ ((result.problems().size() > 10) ? ", ..." : "") + ((first != null) ? ". First: " + first : "");
			if (this.failOnError) {
				throw new ConfitureException(Category.GENERIC, "Confiture tenants: " + message,
						"Fix the failing tenants and restart, or set confiture.tenants.fail-on-error=false to start "
								+ "anyway and migrate them later through the ConfitureTenants bean");
			}
			logger.warn("Confiture tenants: " + message);
		}
	}

}
