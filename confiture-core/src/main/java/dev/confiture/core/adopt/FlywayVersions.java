package dev.confiture.core.adopt;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps Flyway's dotted versions ({@code 1}, {@code 1.2}, {@code 1.2.3}, {@code 2_1}) to
 * Confiture's digit-only versions that sort in the same order: every part is padded to
 * the widest value at its position and the parts are joined, missing parts counting as 0
 * ({@code 1.2.3} with {@code 1.10} becomes {@code 1023} and {@code 1100}). Flyway treats
 * {@code 1} and {@code 1.0} as one version, and so does the mapping; no two different
 * versions map to the same number.
 */
final class FlywayVersions {

	private static final Pattern DOTTED = Pattern.compile("[0-9]+(\\.[0-9]+)*");

	private final Map<String, String> mapped = new HashMap<>();

	private FlywayVersions() {
	}

	/**
	 * Flyway's key for a version text: the numbers without leading zeros or trailing zero
	 * parts, joined by dots ({@code 1_01.0} is {@code 1.1}).
	 * @param text the version as Flyway wrote it
	 * @return the key, or {@code null} if the text is not made of dot- or
	 * underscore-separated numbers
	 */
	static String key(String text) {
		String dotted = (text != null) ? text.trim().replace('_', '.') : "";
		if (!DOTTED.matcher(dotted).matches()) {
			return null;
		}
		List<BigInteger> parts = parts(dotted);
		int size = parts.size();
		while (size > 1 && parts.get(size - 1).signum() == 0) {
			size--;
		}
		List<String> texts = new ArrayList<>();
		parts.subList(0, size).forEach((part) -> texts.add(part.toString()));
		return String.join(".", texts);
	}

	/**
	 * Maps a set of versions.
	 * @param keys the versions' {@link #key keys}
	 * @return the mapping
	 */
	static FlywayVersions of(Collection<String> keys) {
		List<Integer> widths = new ArrayList<>();
		for (String key : keys) {
			List<BigInteger> parts = parts(key);
			for (int i = 0; i < parts.size(); i++) {
				int width = parts.get(i).toString().length();
				if (widths.size() <= i) {
					widths.add(width);
				}
				else {
					widths.set(i, Math.max(widths.get(i), width));
				}
			}
		}
		FlywayVersions versions = new FlywayVersions();
		for (String key : keys) {
			List<BigInteger> parts = parts(key);
			StringBuilder number = new StringBuilder();
			for (int i = 0; i < widths.size(); i++) {
				String part = (i < parts.size()) ? parts.get(i).toString() : "0";
				number.append("0".repeat(widths.get(i) - part.length())).append(part);
			}
			versions.mapped.put(key, number.toString());
		}
		return versions;
	}

	/**
	 * The Confiture version of a Flyway version.
	 * @param key the Flyway version's key
	 * @return digits only
	 */
	String map(String key) {
		return this.mapped.get(key);
	}

	/** Compares two keys as Flyway orders versions. */
	static int compare(String left, String right) {
		List<BigInteger> a = parts(left);
		List<BigInteger> b = parts(right);
		for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
			BigInteger x = (i < a.size()) ? a.get(i) : BigInteger.ZERO;
			BigInteger y = (i < b.size()) ? b.get(i) : BigInteger.ZERO;
			int result = x.compareTo(y);
			if (result != 0) {
				return result;
			}
		}
		return 0;
	}

	private static List<BigInteger> parts(String dotted) {
		List<BigInteger> parts = new ArrayList<>();
		for (String part : dotted.split("\\.")) {
			parts.add(new BigInteger(part));
		}
		return parts;
	}

}
