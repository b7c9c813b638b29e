package dev.confiture.core.migrate;

import java.math.BigInteger;

/**
 * A migration version: digits only ({@code 001} or {@code 20250112093000}), compared by
 * numeric value so that {@code 2} sorts before {@code 10} and {@code 001} equals
 * {@code 1}. Keeps the text as written for display and storage.
 */
final class MigrationVersion implements Comparable<MigrationVersion> {

	private final String text;

	private final BigInteger value;

	private MigrationVersion(String text, BigInteger value) {
		this.text = text;
		this.value = value;
	}

	/**
	 * Parses a version.
	 * @param text the version text
	 * @return the version, or {@code null} if the text is not made of ASCII digits only
	 */
	static MigrationVersion parse(String text) {
		if (!isValid(text)) {
			return null;
		}
		return new MigrationVersion(text, new BigInteger(text));
	}

	static boolean isValid(String text) {
		if (text == null || text.isEmpty()) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return false;
			}
		}
		return true;
	}

	String text() {
		return this.text;
	}

	BigInteger value() {
		return this.value;
	}

	@Override
	public int compareTo(MigrationVersion other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public boolean equals(Object obj) {
		return (obj instanceof MigrationVersion other) && this.value.equals(other.value);
	}

	@Override
	public int hashCode() {
		return this.value.hashCode();
	}

	@Override
	public String toString() {
		return this.text;
	}

}
