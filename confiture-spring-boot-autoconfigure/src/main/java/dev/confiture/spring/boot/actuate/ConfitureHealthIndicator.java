package dev.confiture.spring.boot.actuate;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import dev.confiture.core.migrate.MigrationCounts;
import dev.confiture.spring.boot.autoconfigure.ConfitureProperties.Mode;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState.LastRun;

/**
 * Health of the database schema from what Confiture recorded at startup: UP when up to
 * date; DOWN when the startup run failed, the database drifted from the schema files
 * ({@code confiture.check-drift}), an applied migration changed, or migrations are
 * pending in {@code validate} mode.
 *
 * @since 0.1.0
 */
public class ConfitureHealthIndicator extends AbstractHealthIndicator {

	private final ConfitureRunState state;

	private final Mode mode;

	/**
	 * Creates the indicator.
	 * @param state the recorded state
	 * @param mode the configured mode
	 */
	public ConfitureHealthIndicator(ConfitureRunState state, Mode mode) {
		super("Confiture health check failed");
		this.state = state;
		this.mode = mode;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		LastRun run = this.state.lastRun();
		MigrationCounts counts = this.state.counts();
		builder.withDetail("mode", this.mode.name())
			.withDetail("applied", counts.applied())
			.withDetail("pending", counts.pending());
		if (run != null) {
			builder.withDetail("lastRun", run.action());
		}
		if (run != null && !run.successful()) {
			builder.down().withDetail("error", run.error());
		}
		else if (!this.state.drift().isEmpty()) {
			builder.down()
				.withDetail("error", "the database differs from a fresh build of the schema files")
				.withDetail("drift", this.state.drift());
		}
		else if (counts.checksumMismatch()) {
			builder.down().withDetail("error", "an applied migration has changed since it was applied");
		}
		else if (this.mode == Mode.VALIDATE && counts.pending() > 0) {
			builder.down().withDetail("error", counts.pending() + " pending migration(s) in validate mode");
		}
		else {
			builder.up();
		}
	}

}
