package dev.confiture.demo.blog;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.confiture.demo.blog.Violation.Code;

/**
 * Collects the violations of one request so that all of them are reported at once. Each
 * check returns the cleaned value, or {@code null} when it added a violation.
 */
final class Violations {

	private final List<Violation> violations = new ArrayList<>();

	/**
	 * A required text, trimmed.
	 * @param field the argument name
	 * @param value the value
	 * @param min the minimum length
	 * @param max the maximum length
	 * @return the trimmed text, or {@code null} if it was refused
	 */
	String text(String field, String value, int min, int max) {
		String text = (value != null) ? value.strip() : "";
		if (text.isEmpty()) {
			return add(field, Code.REQUIRED, field + " must not be blank");
		}
		if (text.length() < min) {
			return add(field, Code.TOO_SHORT, field + " must be at least " + min + " characters long");
		}
		return checkMax(field, text, max);
	}

	/**
	 * An optional text, trimmed; blank counts as absent.
	 * @param field the argument name
	 * @param value the value, may be {@code null}
	 * @param max the maximum length
	 * @return the trimmed text, or {@code null} if absent, blank or refused
	 */
	String optionalText(String field, String value, int max) {
		String text = (value != null) ? value.strip() : "";
		return text.isEmpty() ? null : checkMax(field, text, max);
	}

	private String checkMax(String field, String text, int max) {
		if (text.length() > max) {
			return add(field, Code.TOO_LONG,
					field + " must be at most " + max + " characters long (it has " + text.length() + ")");
		}
		return text;
	}

	/**
	 * A text that must match a pattern.
	 * @param field the argument name
	 * @param value the value, already checked for length (skipped when {@code null})
	 * @param pattern the pattern
	 * @param rule what the pattern means, for the message
	 * @return the value, or {@code null} if it was refused
	 */
	String matching(String field, String value, Pattern pattern, String rule) {
		if (value == null || pattern.matcher(value).matches()) {
			return value;
		}
		return add(field, Code.INVALID_FORMAT, field + " " + rule + ": '" + value + "'");
	}

	/**
	 * An id argument.
	 * @param field the argument name
	 * @param value the value
	 * @return the UUID, or {@code null} if it is not one
	 */
	UUID id(String field, String value) {
		try {
			return UUID.fromString(value.strip());
		}
		catch (IllegalArgumentException ex) {
			return add(field, Code.INVALID_FORMAT,
					field + " must be a UUID such as " + "00000000-0000-0000-0000-000000000001: '" + value + "'");
		}
	}

	/**
	 * A number within a range.
	 * @param field the argument name
	 * @param value the value
	 * @param min the minimum
	 * @param max the maximum
	 * @return the value, or {@code null} if it is outside the range
	 */
	Integer range(String field, int value, int min, int max) {
		if (value < min || value > max) {
			return add(field, Code.OUT_OF_RANGE,
					field + " must be between " + min + " and " + max + " (it is " + value + ")");
		}
		return value;
	}

	/**
	 * Adds a violation.
	 * @param <T> the type the caller returns
	 * @param field the argument name
	 * @param code what is wrong
	 * @param message a sentence for people
	 * @return {@code null}, so that checks can {@code return add(...)}
	 */
	<T> T add(String field, Code code, String message) {
		this.violations.add(new Violation(field, code, message));
		return null;
	}

	/**
	 * Ends the checks.
	 * @throws InvalidInputException if any check failed
	 */
	void throwIfAny() {
		if (!this.violations.isEmpty()) {
			throw new InvalidInputException(this.violations);
		}
	}

}
