package dev.confiture.spring.boot.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.confiture.core.tenant.TenantOutcome;
import dev.confiture.spring.boot.autoconfigure.ConfitureTenants;

/**
 * Health of a tenant fleet from the latest operations of the {@link ConfitureTenants}
 * bean: UP when every tenant seen is up to date, DOWN when one is not (with the counts
 * per state and the first of them), UNKNOWN before the first operation.
 *
 * @since 0.1.0
 */
public class ConfitureTenantsHealthIndicator extends AbstractHealthIndicator {

	private static final int MAX_LISTED = 10;

	private final ConfitureTenants tenants;

	/**
	 * Creates the indicator.
	 * @param tenants the tenants
	 */
	public ConfitureTenantsHealthIndicator(ConfitureTenants tenants) {
		super("Confiture tenants health check failed");
		this.tenants = tenants;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		ConfitureTenants.Summary summary = this.tenants.summary(MAX_LISTED);
		if (summary.updatedAt() == null) {
			builder.unknown().withDetail("error", "no tenant was migrated or checked yet");
			return;
		}
		Map<String, Integer> counts = new LinkedHashMap<>();
		summary.counts().forEach((state, count) -> counts.put(state.label(), count));
		builder.withDetail("tenants", summary.total()).withDetail("counts", counts);
		if (summary.problemCount() == 0) {
			builder.up();
			return;
		}
		Map<String, String> failing = new LinkedHashMap<>();
		for (TenantOutcome outcome : summary.problems()) {
			failing.put(outcome.tenant(), outcome.state().label());
		}
		builder.down()
			.withDetail("error", summary.problemCount() + " tenant(s) are not up to date")
			.withDetail("failing", failing);
	}

}
