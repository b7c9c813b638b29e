package dev.confiture.spring.boot.autoconfigure;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.confiture.core.lint.LintFinding;
import dev.confiture.core.migrate.MigrationCounts;

/**
 * What Confiture did at startup, recorded for the actuator endpoint, the health indicator
 * and the meters. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ConfitureRunState {

	private final AtomicReference<LastRun> lastRun = new AtomicReference<>();

	private final AtomicReference<MigrationCounts> counts = new AtomicReference<>(new MigrationCounts(0, 0, false));

	private final AtomicReference<List<String>> drift = new AtomicReference<>(List.of());

	private final AtomicReference<List<LintFinding>> lint = new AtomicReference<>(List.of());

	/** The last startup run, or {@code null} if none ran. */
	public LastRun lastRun() {
		return this.lastRun.get();
	}

	/** Applied and pending migrations after the last run. */
	public MigrationCounts counts() {
		return this.counts.get();
	}

	/**
	 * Differences between the database and a fresh build of the schema files, found at
	 * startup with {@code confiture.check-drift=true}; empty when none (or not checked).
	 */
	public List<String> drift() {
		return this.drift.get();
	}

	/**
	 * The lint findings of the migrations applied at startup; empty when none (or not
	 * linted).
	 */
	public List<LintFinding> lint() {
		return this.lint.get();
	}

	void recordLint(List<LintFinding> findings) {
		this.lint.set(List.copyOf(findings));
	}

	void recordDrift(List<String> differences) {
		this.drift.set(List.copyOf(differences));
	}

	void recordRun(LastRun run) {
		this.lastRun.set(run);
	}

	void recordCounts(MigrationCounts counts) {
		this.counts.set(counts);
	}

	/**
	 * One run at startup.
	 *
	 * @param action what was done: {@code build}, {@code migrate}, {@code validate},
	 * {@code strategy} or {@code none}
	 * @param startedAt when it started
	 * @param duration how long it took
	 * @param versions the migrations applied (or baselined by a build)
	 * @param error the failure message, or {@code null} on success
	 */
	public record LastRun(String action, Instant startedAt, Duration duration, List<String> versions, String error) {

		public LastRun {
			versions = List.copyOf(versions);
		}

		/** Whether the run succeeded. */
		public boolean successful() {
			return this.error == null;
		}

	}

}
