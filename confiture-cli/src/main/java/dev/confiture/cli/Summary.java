package dev.confiture.cli;

import java.util.List;

/**
 * Keeps long lists short in text output: the first few items, then "and N more" (JSON
 * output carries the full list).
 */
final class Summary {

	static final int SHOWN = 5;

	private Summary() {
	}

	static String of(List<String> items) {
		if (items.size() <= SHOWN) {
			return String.join(", ", items);
		}
		return String.join(", ", items.subList(0, SHOWN)) + " and " + (items.size() - SHOWN) + " more";
	}

}
