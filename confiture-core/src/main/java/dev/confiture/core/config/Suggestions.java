package dev.confiture.core.config;

import java.util.Collection;
import java.util.Locale;

/**
 * Finds the candidate closest to a misspelt word, by optimal string alignment distance
 * (edits and adjacent transpositions), ignoring case.
 */
public final class Suggestions {

	private Suggestions() {
	}

	/**
	 * Returns the closest candidate, or {@code null} when none is close enough to be a
	 * likely typo.
	 * @param word the misspelt word
	 * @param candidates the valid words
	 * @return the suggestion or {@code null}
	 */
	public static String closest(String word, Collection<String> candidates) {
		String lower = word.toLowerCase(Locale.ROOT);
		int limit = Math.min(3, Math.max(2, lower.length() / 3));
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String candidate : candidates) {
			int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
			if (distance < bestDistance) {
				best = candidate;
				bestDistance = distance;
			}
		}
		return (bestDistance <= limit && bestDistance < lower.length()) ? best : null;
	}

	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
