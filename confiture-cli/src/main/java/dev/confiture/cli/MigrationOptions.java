package dev.confiture.cli;

import java.time.Duration;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import dev.confiture.core.Confiture;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.MigrationSettings;
import dev.confiture.core.migrate.ChecksumPolicy;

/**
 * Options of the {@code migrate} commands that change the database: {@code --lock-wait}
 * and {@code --on-checksum-mismatch}.
 */
class MigrationOptions {

	@Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "60s", converter = NonNegativeDuration.class,
			description = "How long to wait for another runner's migration lock: 500ms, 30s, 2m (default: 60s).")
	Duration lockWait = Confiture.DEFAULT_LOCK_WAIT;

	@Option(names = "--on-checksum-mismatch", paramLabel = "fail|warn|ignore", defaultValue = "fail",
			description = "When an applied migration's file has changed: fail (default), warn or ignore.")
	ChecksumPolicy onChecksumMismatch = ChecksumPolicy.FAIL;

	@Option(names = "--lock-timeout", paramLabel = "DURATION", converter = NonNegativeDuration.class,
			description = "lock_timeout of every migration transaction; a file may set its own with "
					+ "-- confiture:lock-timeout=30s (default: the environment file's lock_timeout, else 10s; 0 for "
					+ "no limit).")
	Duration lockTimeout;

	@Option(names = "--statement-timeout", paramLabel = "DURATION", converter = NonNegativeDuration.class,
			description = "statement_timeout of every migration transaction (default: the environment file's "
					+ "statement_timeout, else 0, no limit).")
	Duration statementTimeout;

	@Option(names = "--lock-retries", paramLabel = "N",
			description = "How often a migration rolled back by its lock timeout is retried, waiting 2s, 4s, 8s... "
					+ "in between (default: the environment file's lock_retries, else 3).")
	Integer lockRetries;

	/**
	 * The timeouts given on the command line, which take precedence over the environment
	 * file's; {@code null} for those not given.
	 */
	MigrationSettings overrides(String lint, Boolean lintMeasure) {
		if (this.lockRetries != null && this.lockRetries < 0) {
			throw new ConfitureException(Category.CONFIG, "--lock-retries must be 0 or more, not " + this.lockRetries,
					"Pass how often a migration that timed out waiting for a lock is retried, as in --lock-retries 3");
		}
		return new MigrationSettings(lint, lintMeasure, this.lockTimeout, this.statementTimeout, this.lockRetries);
	}

	/**
	 * The facade for the environment with these options, printing migration progress.
	 * @param environment the environment options
	 * @param output where and in which format progress goes
	 * @return the facade
	 */
	Confiture confiture(EnvironmentOptions environment, OutputOptions output) {
		return confiture(environment, output, false);
	}

	/**
	 * The facade for the environment with these options, printing migration progress.
	 * @param environment the environment options
	 * @param output where and in which format progress goes
	 * @param dryRun whether the run is {@code --dry-run=execute}
	 * @return the facade
	 */
	Confiture confiture(EnvironmentOptions environment, OutputOptions output, boolean dryRun) {
		return environment.configure()
			.requireMigrationsDirectory(true)
			.migrationListener(new MigrationProgress(output.out(), output.err(), !output.json(), dryRun))
			.lockWait(this.lockWait)
			.checksumPolicy(this.onChecksumMismatch)
			.migrationSettings(overrides(null, null))
			.load();
	}

	/**
	 * Reads {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, a number of seconds, or
	 * an ISO-8601 duration such as {@code PT30S}; zero or more.
	 */
	static class NonNegativeDuration implements ITypeConverter<Duration> {

		@Override
		public Duration convert(String value) {
			Duration duration = parse(value);
			if (duration.isNegative() || (duration.isZero() && !zeroAllowed())) {
				throw new TypeConversionException("'" + value + "' must be "
						+ (zeroAllowed() ? "zero or more" : "more than zero") + "; use 500ms, 30s or 2m");
			}
			return duration;
		}

		boolean zeroAllowed() {
			return true;
		}

		private static Duration parse(String value) {
			java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("([+-]?[0-9]+)\\s*(ms|s|min|m|h)?")
				.matcher(value.strip().toLowerCase(java.util.Locale.ROOT));
			try {
				if (matcher.matches()) {
					long amount = Long.parseLong(matcher.group(1));
					String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
					return switch (unit) {
						case "ms" -> Duration.ofMillis(amount);
						case "m", "min" -> Duration.ofMinutes(amount);
						case "h" -> Duration.ofHours(amount);
						default -> Duration.ofSeconds(amount);
					};
				}
				return Duration.parse(value.strip().toUpperCase(java.util.Locale.ROOT));
			}
			catch (RuntimeException ex) {
				throw new TypeConversionException("'" + value + "' is not a duration; use 500ms, 30s, 2m or 1h");
			}
		}

	}

	/** Like {@link NonNegativeDuration}, but more than zero. */
	static final class PositiveDuration extends NonNegativeDuration {

		@Override
		boolean zeroAllowed() {
			return false;
		}

	}

}
