package dev.confiture.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import dev.confiture.core.config.ConfigMapping.Value;

/**
 * Reads the keys of an environment that guard its migrations: {@code lint},
 * {@code lint_measure}, {@code lock_timeout}, {@code statement_timeout} and
 * {@code lock_retries}.
 */
final class MigrationSettingsReader {

	/** The keys read here. */
	static final List<String> KEYS = List.of("lint", "lint_measure", "lock_timeout", "statement_timeout",
			"lock_retries");

	private static final List<String> LINT_MODES = List.of("fail", "warn", "off");

	private MigrationSettingsReader() {
	}

	static MigrationSettings read(ConfigMapping settings) {
		return new MigrationSettings(lint(settings), lintMeasure(settings), duration(settings, "lock_timeout"),
				duration(settings, "statement_timeout"), retries(settings));
	}

	private static String lint(ConfigMapping settings) {
		Value value = settings.scalar("lint", "fail, warn or off");
		if (value == null) {
			return null;
		}
		String mode = value.value().strip().toLowerCase(Locale.ROOT);
		if (!LINT_MODES.contains(mode)) {
			throw settings.error(value.line(), "'lint' must be fail, warn or off, not '" + shown(value) + "'",
					"Write 'lint: fail' to refuse migrations with lint errors, 'lint: warn' to report them, or "
							+ "'lint: off'");
		}
		return mode;
	}

	private static Boolean lintMeasure(ConfigMapping settings) {
		Value value = settings.scalar("lint_measure", "true or false");
		if (value == null) {
			return null;
		}
		return switch (value.value().strip().toLowerCase(Locale.ROOT)) {
			case "true", "yes", "on" -> true;
			case "false", "no", "off" -> false;
			default ->
				throw settings.error(value.line(), "'lint_measure' must be true or false, not '" + shown(value) + "'",
						"Write 'lint_measure: true' to run the migrations on a shadow database before migrating");
		};
	}

	private static Duration duration(ConfigMapping settings, String key) {
		Value value = settings.scalar(key, "a duration");
		if (value == null) {
			return null;
		}
		Duration duration = null;
		try {
			duration = Durations.parse(value.value());
		}
		catch (IllegalArgumentException ex) {
			// reported below
		}
		if (duration == null || duration.isNegative()) {
			throw settings.error(value.line(),
					"'" + key + "' must be a duration (0 for no limit), not '" + shown(value) + "'",
					"Write a duration such as 500ms, 10s or 2m");
		}
		return duration;
	}

	private static Integer retries(ConfigMapping settings) {
		Value value = settings.scalar("lock_retries", "a number");
		if (value == null) {
			return null;
		}
		try {
			int retries = Integer.parseInt(value.value().strip());
			if (retries >= 0) {
				return retries;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw settings.error(value.line(),
				"'lock_retries' must be a whole number, 0 or more, not '" + shown(value) + "'",
				"Write how often a migration that timed out waiting for a lock is retried, as in 'lock_retries: 3'");
	}

	private static String shown(Value value) {
		return value.substituted() ? value.written() : value.value();
	}

}
