package dev.confiture.spring.boot.actuate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState.LastRun;

/**
 * Binds Confiture's meters from the state recorded at startup: gauges
 * {@code confiture.migrations.applied} and {@code confiture.migrations.pending}, timers
 * {@code confiture.build} and {@code confiture.migrate} (tag {@code outcome}), and counter
 * {@code confiture.failures}.
 *
 * @since 0.1.0
 */
public class ConfitureMeterBinder implements MeterBinder {

	private final ConfitureRunState state;

	/**
	 * Creates the binder.
	 * @param state the recorded state
	 */
	public ConfitureMeterBinder(ConfitureRunState state) {
		this.state = state;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("confiture.migrations.applied", this.state, (state) -> state.counts().applied())
			.description("Migrations recorded as applied")
			.register(registry);
		Gauge.builder("confiture.migrations.pending", this.state, (state) -> state.counts().pending())
			.description("Migrations not applied yet")
			.register(registry);
		Counter failures = Counter.builder("confiture.failures")
			.description("Confiture runs that failed")
			.register(registry);
		LastRun run = this.state.lastRun();
		if (run == null) {
			return;
		}
		if (run.action().equals("build") || run.action().equals("migrate")) {
			Timer.builder("confiture." + run.action())
				.description("Time Confiture took to " + run.action() + " the database")
				.tag("outcome", run.successful() ? "success" : "failure")
				.register(registry)
				.record(run.duration());
		}
		if (!run.successful()) {
			failures.increment();
		}
	}

}
