package dev.confiture.cli;

import java.time.Duration;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import dev.confiture.core.Confiture;
import dev.confiture.core.migrate.ChecksumPolicy;
import dev.confiture.core.migrate.MigrationTimeouts;

/**
 * Options of the {@code migrate} commands that change the database: {@code --lock-wait} and
 * {@code --on-checksum-mismatch}.
 */
class MigrationOptions {

	@Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "60s", converter = NonNegativeDuration.class,
			description = "How long to wait for another runner's migration lock: 500ms, 30s, 2m (default: 60s).")
	Duration lockWait = Confiture.DEFAULT_LOCK_WAIT;

	@Option(names = "--on-checksum-mismatch", paramLabel = "fail|warn|ignore", defaultValue = "fail",
			description = "When an applied migration's file has changed: fail (default), warn or ignore.")
	ChecksumPolicy onChecksumMismatch = ChecksumPolicy.FAIL;

	@Option(names = "--lock-timeout", paramLabel = "DURATION", defaultValue = "10s", converter = NonNegativeDuration.class,
			description = "lock_timeout of every migration transaction; a file may set its own with "
					+ "-- confiture:lock-timeout=30s (default: 10s; 0 for no limit).")
	Duration lockTimeout = MigrationTimeouts.DEFAULT_LOCK_TIMEOUT;

	@Option(names = "--statement-timeout", paramLabel = "DURATION", defaultValue = "0",
			converter = NonNegativeDuration.class,
			description = "statement_timeout of every migration transaction (default: 0, no limit).")
	Duration statementTimeout = Duration.ZERO;

	@Option(names = "--lock-retries", paramLabel = "N", defaultValue = "3",
			description = "How often a migration rolled back by its lock timeout is retried, waiting 2s, 4s, 8s... "
					+ "in between (default: 3).")
	int lockRetries = MigrationTimeouts.DEFAULT_LOCK_RETRIES;

	/** The timeouts of these options. */
	MigrationTimeouts timeouts() {
		return MigrationTimeouts.defaults()
			.withLockTimeout(this.lockTimeout)
			.withStatementTimeout(this.statementTimeout)
			.withLockRetries(this.lockRetries);
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
			.timeouts(timeouts())
			.load();
	}

	/**
	 * Reads {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, a number of seconds, or an
	 * ISO-8601 duration such as {@code PT30S}; zero or more.
	 */
	static class NonNegativeDuration implements ITypeConverter<Duration> {

		@Override
		public Duration convert(String value) {
			Duration duration = parse(value);
			if (duration.isNegative() || (duration.isZero() && !zeroAllowed())) {
				throw new TypeConversionException("'" + value + "' must be " + (zeroAllowed() ? "zero or more" : "more than zero")
						+ "; use 500ms, 30s or 2m");
			}
			return duration;
		}

		boolean zeroAllowed() {
			return true;
		}

		private static Duration parse(String value) {
			java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("([+-]?[0-9]+)\\s*(ms|s|m|h)?")
				.matcher(value.strip().toLowerCase(java.util.Locale.ROOT));
			try {
				if (matcher.matches()) {
					long amount = Long.parseLong(matcher.group(1));
					String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
					return switch (unit) {
						case "ms" -> Duration.ofMillis(amount);
						case "m" -> Duration.ofMinutes(amount);
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
