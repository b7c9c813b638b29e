package dev.confiture.core.migrate;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.MigrationSettings;

/**
 * The {@code lock_timeout} and {@code statement_timeout} of every migration transaction,
 * and how often a migration that timed out waiting for a lock is retried.
 *
 * @param lockTimeout the longest wait for a table lock; zero for no limit
 * @param statementTimeout the longest a statement may run; zero for no limit
 * @param lockRetries how many times a transactional migration is retried after a lock
 * timeout
 * @param retryBackoff the wait before the first retry, doubled before each next one (at
 * most one minute)
 */
public record MigrationTimeouts(Duration lockTimeout, Duration statementTimeout, int lockRetries,
		Duration retryBackoff) {

	/**
	 * The default lock timeout: long enough for a busy table, short enough not to queue
	 * its queries for long.
	 */
	public static final Duration DEFAULT_LOCK_TIMEOUT = Duration.ofSeconds(10);

	/** The default number of retries after a lock timeout. */
	public static final int DEFAULT_LOCK_RETRIES = 3;

	/** The default wait before the first retry. */
	public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(2);

	private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|sec|min|m|h)?");

	private static final Pattern MARKER = Pattern.compile("(?im)^\\s*--\\s*confiture:lock-timeout\\s*=\\s*(\\S*)\\s*$");

	public MigrationTimeouts {
		Objects.requireNonNull(lockTimeout, "lockTimeout");
		Objects.requireNonNull(statementTimeout, "statementTimeout");
		Objects.requireNonNull(retryBackoff, "retryBackoff");
		if (lockTimeout.isNegative() || statementTimeout.isNegative() || retryBackoff.isNegative() || lockRetries < 0) {
			throw new ConfitureException(Category.CONFIG, "Timeouts, retries and backoff must not be negative",
					"Use zero to disable a timeout");
		}
	}

	/** 10 s lock timeout, no statement timeout, 3 retries after 2 s, 4 s and 8 s. */
	public static MigrationTimeouts defaults() {
		return new MigrationTimeouts(DEFAULT_LOCK_TIMEOUT, Duration.ZERO, DEFAULT_LOCK_RETRIES, DEFAULT_RETRY_BACKOFF);
	}

	/** No timeout and no retry: PostgreSQL's own defaults. */
	public static MigrationTimeouts none() {
		return new MigrationTimeouts(Duration.ZERO, Duration.ZERO, 0, Duration.ZERO);
	}

	/** A copy with another lock timeout. */
	public MigrationTimeouts withLockTimeout(Duration timeout) {
		return new MigrationTimeouts(timeout, this.statementTimeout, this.lockRetries, this.retryBackoff);
	}

	/** A copy with another statement timeout. */
	public MigrationTimeouts withStatementTimeout(Duration timeout) {
		return new MigrationTimeouts(this.lockTimeout, timeout, this.lockRetries, this.retryBackoff);
	}

	/** A copy with another number of retries. */
	public MigrationTimeouts withLockRetries(int retries) {
		return new MigrationTimeouts(this.lockTimeout, this.statementTimeout, retries, this.retryBackoff);
	}

	/** A copy with another backoff. */
	public MigrationTimeouts withRetryBackoff(Duration backoff) {
		return new MigrationTimeouts(this.lockTimeout, this.statementTimeout, this.lockRetries, backoff);
	}

	/**
	 * A copy with the timeouts and retries that the settings set.
	 * @param settings an environment's settings or overrides, or {@code null}
	 * @return the timeouts
	 */
	public MigrationTimeouts with(MigrationSettings settings) {
		if (settings == null) {
			return this;
		}
		return new MigrationTimeouts((settings.lockTimeout() != null) ? settings.lockTimeout() : this.lockTimeout,
				(settings.statementTimeout() != null) ? settings.statementTimeout() : this.statementTimeout,
				(settings.lockRetries() != null) ? settings.lockRetries() : this.lockRetries, this.retryBackoff);
	}

	/** The wait before retry number {@code attempt} (1-based). */
	Duration backoff(int attempt) {
		long millis = this.retryBackoff.toMillis() << Math.min(attempt - 1, 16);
		return Duration.ofMillis(Math.min(millis, 60_000));
	}

	/**
	 * The lock timeout of a script: its {@code -- confiture:lock-timeout=30s} marker,
	 * else this one.
	 * @param location the file, for messages
	 * @param text the script
	 * @return the lock timeout
	 * @throws ConfitureException if the marker's duration is malformed
	 */
	Duration lockTimeout(String location, String text) {
		if (text == null) {
			return this.lockTimeout;
		}
		Matcher marker = MARKER.matcher(text);
		if (!marker.find()) {
			return this.lockTimeout;
		}
		int line = (int) text.substring(0, marker.start(1)).chars().filter((c) -> c == '\n').count() + 1;
		return parse(marker.group(1), location + ":" + line + ": -- confiture:lock-timeout");
	}

	/**
	 * Parses a duration such as {@code 30s}, {@code 500ms}, {@code 2min} or {@code 1h}; a
	 * bare number is seconds.
	 * @param text the text
	 * @param what what it configures, for the message
	 * @return the duration
	 * @throws ConfitureException if the text is not a duration
	 */
	public static Duration parse(String text, String what) {
		Matcher matcher = DURATION.matcher((text != null) ? text.trim().toLowerCase(Locale.ROOT) : "");
		if (!matcher.matches()) {
			throw new ConfitureException(Category.CONFIG, what + ": '" + text + "' is not a duration",
					"Write a number with a unit: 500ms, 30s, 2min or 1h (0 for no limit)");
		}
		long amount = Long.parseLong(matcher.group(1));
		String unit = (matcher.group(2) != null) ? matcher.group(2) : "s";
		return switch (unit) {
			case "ms" -> Duration.ofMillis(amount);
			case "min", "m" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			default -> Duration.ofSeconds(amount);
		};
	}

}
