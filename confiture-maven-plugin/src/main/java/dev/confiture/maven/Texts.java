package dev.confiture.maven;

import java.util.Locale;

/**
 * Small formatting helpers shared by the goals.
 */
final class Texts {

	private Texts() {
	}

	static String seconds(long millis) {
		return String.format(Locale.ROOT, "%.2fs", millis / 1000.0);
	}

}
