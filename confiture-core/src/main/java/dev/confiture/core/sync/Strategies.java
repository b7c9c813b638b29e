package dev.confiture.core.sync;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built-in strategies: {@code keep}, {@code null}, {@code fixed}, {@code hash},
 * {@code email}, {@code name}, {@code phone}, {@code mask}, {@code date_shift} (and
 * {@code json}, see {@link JsonStrategy}).
 */
final class Strategies {

	/** Letters per block of a name word: 26^13 is below 2^62. */
	private static final int LETTERS_PER_BLOCK = 13;

	/** Digits per block of a phone number: 10^18 is below 2^62. */
	private static final int DIGITS_PER_BLOCK = 18;

	private Strategies() {
	}

	static Strategy keep() {
		return new Simple("keep", (value, row) -> value);
	}

	static Strategy nullValue() {
		return new Simple("null", (value, row) -> null);
	}

	static Strategy fixed(String fixed) {
		return new Simple("fixed", (value, row) -> (value != null) ? fixed : null);
	}

	static Strategy hash(Keyed keyed, int length) {
		return new Simple("hash (keyed HMAC-SHA256, " + length + " hex digits)",
				(value, row) -> (value != null) ? keyed.hex("hash", value, length) : null);
	}

	static Strategy email(Keyed keyed) {
		return new Simple("email (u<20 hex digits>@example.com)",
				(value, row) -> (value != null) ? "u" + keyed.hex("email", value, 20) + "@example.com" : null);
	}

	static Strategy name(Keyed keyed) {
		return new Simple("name (each letter replaced, case, length and separators kept)",
				(value, row) -> (value != null) ? letters(keyed, value) : null);
	}

	static Strategy phone(Keyed keyed) {
		return new Simple("phone (each digit replaced, format kept)",
				(value, row) -> (value != null) ? digits(keyed, value) : null);
	}

	static Strategy mask(int keep) {
		return new Simple("mask (keep the last " + keep + " characters)", (value, row) -> {
			if (value == null) {
				return null;
			}
			int[] codePoints = value.codePoints().toArray();
			StringBuilder masked = new StringBuilder(value.length());
			for (int i = 0; i < codePoints.length; i++) {
				if (i < codePoints.length - keep) {
					masked.append('*');
				}
				else {
					masked.appendCodePoint(codePoints[i]);
				}
			}
			return masked.toString();
		});
	}

	static Strategy dateShift(Keyed keyed, int maxDays) {
		return new DateShift(keyed, maxDays);
	}

	/**
	 * Replaces the letters of a value by a keyed permutation per word (runs of letters),
	 * in blocks of up to 13 letters, keeping case and everything that is not an ASCII
	 * letter. Distinct inputs give distinct outputs.
	 */
	static String letters(Keyed keyed, String value) {
		char[] chars = value.toCharArray();
		int i = 0;
		while (i < chars.length) {
			if (!isAsciiLetter(chars[i])) {
				i++;
				continue;
			}
			int end = i;
			while (end < chars.length && end - i < LETTERS_PER_BLOCK && isAsciiLetter(chars[end])) {
				end++;
			}
			int length = end - i;
			long number = 0;
			long size = 1;
			for (int j = i; j < end; j++) {
				number = number * 26 + (Character.toLowerCase(chars[j]) - 'a');
				size *= 26;
			}
			long mapped = Permutation.apply(keyed, 0x4E41_4D45_0000_0000L | length, number, size);
			for (int j = end - 1; j >= i; j--) {
				char letter = (char) ('a' + (int) (mapped % 26));
				mapped /= 26;
				chars[j] = Character.isUpperCase(chars[j]) ? Character.toUpperCase(letter) : letter;
			}
			i = end;
		}
		return new String(chars);
	}

	/**
	 * Replaces the digits of a value by a keyed permutation of all its digits (in blocks
	 * of up to 18), keeping every other character where it is. Distinct inputs give
	 * distinct outputs.
	 */
	static String digits(Keyed keyed, String value) {
		char[] chars = value.toCharArray();
		int[] positions = new int[chars.length];
		int count = 0;
		for (int i = 0; i < chars.length; i++) {
			if (chars[i] >= '0' && chars[i] <= '9') {
				positions[count++] = i;
			}
		}
		for (int start = 0; start < count; start += DIGITS_PER_BLOCK) {
			int end = Math.min(count, start + DIGITS_PER_BLOCK);
			long number = 0;
			long size = 1;
			for (int k = start; k < end; k++) {
				number = number * 10 + (chars[positions[k]] - '0');
				size *= 10;
			}
			long mapped = Permutation.apply(keyed, 0x5048_4F4E_0000_0000L | ((long) start << 16) | (end - start),
					number, size);
			for (int k = end - 1; k >= start; k--) {
				chars[positions[k]] = (char) ('0' + (int) (mapped % 10));
				mapped /= 10;
			}
		}
		return new String(chars);
	}

	private static boolean isAsciiLetter(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	}

	/**
	 * A named strategy from a function.
	 */
	private record Simple(String description,
			java.util.function.BiFunction<String, Strategy.Row, String> function) implements Strategy {

		@Override
		public String apply(String value, Row row) {
			return this.function.apply(value, row);
		}

		@Override
		public String describe() {
			return this.description;
		}

	}

	/**
	 * Moves a date or timestamp by a number of days derived from the row's key, so every
	 * date of one row moves together and the same row always moves the same way.
	 */
	private static final class DateShift implements Strategy {

		/**
		 * PostgreSQL's ISO output of a date or timestamp: year, month, day, the rest, BC.
		 */
		private static final Pattern ISO_DATE = Pattern
			.compile("(\\d{4,9})-(\\d{2})-(\\d{2})((?:[ T][0-9:.+-]*)?)( BC)?");

		private final Keyed keyed;

		private final int maxDays;

		DateShift(Keyed keyed, int maxDays) {
			this.keyed = keyed;
			this.maxDays = maxDays;
		}

		@Override
		public String apply(String value, Row row) {
			if (value == null || value.equals("infinity") || value.equals("-infinity")) {
				return value;
			}
			Matcher date = ISO_DATE.matcher(value);
			if (!date.matches()) {
				throw new Unsupported("not a date or timestamp in ISO form");
			}
			byte[] mac = this.keyed.hmac("date_shift", row.key());
			int random = ((mac[0] & 0xFF) << 16) | ((mac[1] & 0xFF) << 8) | (mac[2] & 0xFF);
			int days = 1 + random % this.maxDays;
			if ((mac[3] & 1) == 1) {
				days = -days;
			}
			boolean bc = date.group(5) != null;
			int year = Integer.parseInt(date.group(1));
			LocalDate shifted;
			try {
				shifted = LocalDate
					.of(bc ? 1 - year : year, Integer.parseInt(date.group(2)), Integer.parseInt(date.group(3)))
					.plusDays(days);
			}
			catch (DateTimeException ex) {
				throw new Unsupported("not a valid date");
			}
			int shiftedYear = (shifted.getYear() > 0) ? shifted.getYear() : 1 - shifted.getYear();
			return String.format(Locale.ROOT, "%04d-%02d-%02d", shiftedYear, shifted.getMonthValue(),
					shifted.getDayOfMonth()) + date.group(4) + ((shifted.getYear() > 0) ? "" : " BC");
		}

		@Override
		public String describe() {
			return "date_shift (up to " + this.maxDays + " days, the same for every date of a row)";
		}

		@Override
		public boolean needsRowKey() {
			return true;
		}

	}

	/** Names of the strategies, for messages. */
	static final Map<String, String> NAMES = Map.of("keep", "copy the value", "null", "write NULL", "fixed",
			"write a fixed value", "hash", "keyed HMAC", "email", "pseudonymous address", "name",
			"pseudonymous letters", "phone", "pseudonymous digits", "mask", "keep the last N characters", "date_shift",
			"move dates by a per-row number of days", "json", "rules for paths inside a JSON value");

	static String normalise(String name) {
		return name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
	}

}
