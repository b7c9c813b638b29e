package dev.confiture.cli;

/**
 * Counted nouns: "1 migration", "2 migrations".
 */
final class Plurals {

	private Plurals() {
	}

	static String count(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
