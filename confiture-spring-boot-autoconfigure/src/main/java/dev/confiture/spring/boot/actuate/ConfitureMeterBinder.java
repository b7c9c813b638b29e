package dev.confiture.spring.boot.actuate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

import dev.confiture.core.tenant.TenantState;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState.LastRun;
import dev.confiture.spring.boot.autoconfigure.ConfitureTargets;
import dev.confiture.spring.boot.autoconfigure.ConfitureTenants;

/**
 * Binds Confiture's meters from the state recorded at startup, each tagged with its
 * {@code target} ({@code main} for the auto-configured one, else the name of its
 * {@code confiture.targets} entry): gauges {@code confiture.migrations.applied} and
 * {@code confiture.migrations.pending}, timers {@code confiture.build} and
 * {@code confiture.migrate} (tag {@code outcome}), counter {@code confiture.failures};
 * and for a tenant fleet the gauge {@code confiture.tenants} (tag {@code state}: how many
 * tenants are in each state). No tag names a tenant, so the number of meters does not
 * grow with the fleet.
 *
 * @since 0.1.0
 */
public class ConfitureMeterBinder implements MeterBinder {

	private final ConfitureRunState state;

	private final @Nullable ConfitureTargets targets;

	private final @Nullable ConfitureTenants tenants;

	/**
	 * Creates the binder for the main target only.
	 * @param state the recorded state
	 */
	public ConfitureMeterBinder(ConfitureRunState state) {
		this(state, null, null);
	}

	/**
	 * Creates the binder.
	 * @param state the recorded state of the main target
	 * @param targets the named targets, or {@code null}
	 * @param tenants the tenants, or {@code null}
	 */
	public ConfitureMeterBinder(ConfitureRunState state, @Nullable ConfitureTargets targets,
			@Nullable ConfitureTenants tenants) {
		this.state = state;
		this.targets = targets;
		this.tenants = tenants;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		bind(registry, ConfitureTargets.MAIN, this.state);
		if (this.targets != null) {
			ConfitureTargets targets = this.targets;
			targets.targets().keySet().forEach((name) -> bind(registry, name, targets.state(name)));
		}
		if (this.tenants != null) {
			ConfitureTenants tenants = this.tenants;
			for (TenantState tenantState : TenantState.values()) {
				Gauge
					.builder("confiture.tenants", tenants,
							(fleet) -> fleet.summary(0).counts().getOrDefault(tenantState, 0))
					.description("Tenants in each state after the latest fleet operation")
					.tags(Tags.of("target", ConfitureTargets.MAIN, "state", tenantState.label()))
					.register(registry);
			}
		}
	}

	private static void bind(MeterRegistry registry, String target, ConfitureRunState state) {
		Tags tags = Tags.of("target", target);
		Gauge.builder("confiture.migrations.applied", state, (recorded) -> recorded.counts().applied())
			.description("Migrations recorded as applied")
			.tags(tags)
			.register(registry);
		Gauge.builder("confiture.migrations.pending", state, (recorded) -> recorded.counts().pending())
			.description("Migrations not applied yet")
			.tags(tags)
			.register(registry);
		Counter failures = Counter.builder("confiture.failures")
			.description("Confiture runs that failed")
			.tags(tags)
			.register(registry);
		LastRun run = state.lastRun();
		if (run == null) {
			return;
		}
		if (run.action().equals("build") || run.action().equals("migrate")) {
			Timer.builder("confiture." + run.action())
				.description("Time Confiture took to " + run.action() + " the database")
				.tags(tags)
				.tag("outcome", run.successful() ? "success" : "failure")
				.register(registry)
				.record(run.duration());
		}
		if (!run.successful()) {
			failures.increment();
		}
	}

}
