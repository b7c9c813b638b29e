package dev.confiture.core.config;

import java.time.Duration;
import java.util.Locale;

/**
 * How an environment guards its migrations: the lint mode and the timeouts, as set in its
 * file ({@code lint}, {@code lint_measure}, {@code lock_timeout},
 * {@code statement_timeout}, {@code lock_retries}) or given to override it; {@code null}
 * for what is not set.
 *
 * @param lint {@code fail}, {@code warn} or {@code off}, or {@code null}
 * @param lintMeasure whether the lint before migrating runs the migrations on a shadow
 * database, or {@code null}
 * @param lockTimeout the {@code lock_timeout} of every migration transaction (zero: no
 * limit), or {@code null}
 * @param statementTimeout the {@code statement_timeout} of every migration transaction
 * (zero: no limit), or {@code null}
 * @param lockRetries how often a migration rolled back by its lock timeout is retried, or
 * {@code null}
 */
public record MigrationSettings(String lint, Boolean lintMeasure, Duration lockTimeout, Duration statementTimeout,
		Integer lockRetries) {

	/** Nothing set. */
	public static final MigrationSettings NONE = new MigrationSettings(null, null, null, null, null);

	public MigrationSettings {
		lint = (lint != null) ? lint.strip().toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * These settings, overridden by every component that {@code overrides} sets.
	 * @param overrides the settings that take precedence, or {@code null}
	 * @return the merged settings
	 */
	public MigrationSettings overriddenBy(MigrationSettings overrides) {
		if (overrides == null) {
			return this;
		}
		return new MigrationSettings(pick(overrides.lint, this.lint), pick(overrides.lintMeasure, this.lintMeasure),
				pick(overrides.lockTimeout, this.lockTimeout), pick(overrides.statementTimeout, this.statementTimeout),
				pick(overrides.lockRetries, this.lockRetries));
	}

	private static <T> T pick(T preferred, T fallback) {
		return (preferred != null) ? preferred : fallback;
	}

}
