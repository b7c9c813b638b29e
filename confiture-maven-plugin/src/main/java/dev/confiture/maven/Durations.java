package dev.confiture.maven;

import java.time.Duration;
import java.util.Locale;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * Reads durations as the command line does: {@code 500ms}, {@code 30s}, {@code 2m}, a
 * number of seconds, or ISO-8601 ({@code PT30S}).
 */
final class Durations {

	private Durations() {
	}

	static Duration parse(String value, String name) {
		String text = value.trim().toLowerCase(Locale.ROOT);
		try {
			if (text.startsWith("p")) {
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
			throw new ConfitureException(Category.CONFIG, name + " '" + value + "' is not a duration",
					"Use 500ms, 30s or 2m");
		}
	}

}
