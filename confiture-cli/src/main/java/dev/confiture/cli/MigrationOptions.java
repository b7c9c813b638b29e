package dev.confiture.cli;

import java.time.Duration;
import java.util.Locale;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import dev.confiture.core.Confiture;
import dev.confiture.core.migrate.ChecksumPolicy;

/**
 * Options of the {@code migrate} commands that change the database: {@code --lock-wait} and
 * {@code --on-checksum-mismatch}.
 */
class MigrationOptions {

	@Option(names = "--lock-wait", paramLabel = "DURATION", defaultValue = "60s", converter = DurationConverter.class,
			description = "How long to wait for another runner's migration lock: 500ms, 30s, 2m (default: 60s).")
	Duration lockWait = Confiture.DEFAULT_LOCK_WAIT;

	@Option(names = "--on-checksum-mismatch", paramLabel = "fail|warn|ignore", defaultValue = "fail",
			description = "When an applied migration's file has changed: fail (default), warn or ignore.")
	ChecksumPolicy onChecksumMismatch = ChecksumPolicy.FAIL;

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
			.load();
	}

	/**
	 * Reads {@code 500ms}, {@code 30s}, {@code 2m}, a number of seconds, or an ISO-8601
	 * duration such as {@code PT30S}.
	 */
	static final class DurationConverter implements ITypeConverter<Duration> {

		@Override
		public Duration convert(String value) {
			String text = value.trim().toLowerCase(Locale.ROOT);
			try {
				if (text.startsWith("pt") || text.startsWith("p")) {
					return Duration.parse(text.toUpperCase(Locale.ROOT));
				}
				if (text.endsWith("ms")) {
					return Duration.ofMillis(Long.parseLong(text.substring(0, text.length() - 2).trim()));
				}
				if (text.endsWith("s")) {
					return Duration.ofSeconds(Long.parseLong(text.substring(0, text.length() - 1).trim()));
				}
				if (text.endsWith("m")) {
					return Duration.ofMinutes(Long.parseLong(text.substring(0, text.length() - 1).trim()));
				}
				return Duration.ofSeconds(Long.parseLong(text));
			}
			catch (RuntimeException ex) {
				throw new TypeConversionException("'" + value + "' is not a duration; use 500ms, 30s or 2m");
			}
		}

	}

}
