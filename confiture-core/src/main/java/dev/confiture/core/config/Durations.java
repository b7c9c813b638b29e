package dev.confiture.core.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads durations as people write them: {@code 500ms}, {@code 30s}, {@code 2m} (or
 * {@code 2min}), {@code 1h}, a number of seconds, or ISO-8601 such as {@code PT30S}.
 */
public final class Durations {

	private static final Pattern SIMPLE = Pattern.compile("([+-]?[0-9]+)\\s*(ms|s|min|m|h)?");

	private Durations() {
	}

	/**
	 * Reads a duration.
	 * @param text the text
	 * @return the duration, possibly negative or zero (the caller says which make sense)
	 * @throws IllegalArgumentException if the text is not a duration
	 */
	public static Duration parse(String text) {
		String value = (text != null) ? text.strip().toLowerCase(Locale.ROOT) : "";
		Matcher matcher = SIMPLE.matcher(value);
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
			if (value.startsWith("p") || value.startsWith("-p")) {
				return Duration.parse(value.toUpperCase(Locale.ROOT));
			}
		}
		catch (RuntimeException ex) {
			// reported below
		}
		throw new IllegalArgumentException("'" + text + "' is not a duration; use 500ms, 30s, 2m or 1h");
	}

}
