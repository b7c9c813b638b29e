package dev.confiture.core.diff;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link DiffResult} as the plain text every adapter shows: what is compared,
 * the notes, the changes with their hazards, and the DDL. What to do next is worded by
 * each adapter.
 */
final class DiffRenderer {

	private DiffRenderer() {
	}

	/**
	 * The changes of a diff as lines of text, without its DDL.
	 * @param diff the diff
	 * @return the lines, without line separators
	 */
	static List<String> changes(DiffResult diff) {
		Plan up = diff.up();
		List<String> lines = new ArrayList<>();
		lines.add("Comparing " + diff.from() + " with " + diff.to());
		up.notes().forEach((note) -> lines.add("Note: " + note));
		if (up.isEmpty()) {
			lines.add("No changes.");
			return lines;
		}
		lines.add(up.steps().size() + (up.steps().size() == 1 ? " change" : " changes") + ", "
				+ (up.hazards().isEmpty() ? "no hazards" : up.hazards().size() + " hazards") + ":");
		for (Step step : up.steps()) {
			lines.add("  " + step.description());
			step.hazards().forEach((hazard) -> lines.add("    HAZARD " + hazard));
		}
		return lines;
	}

	/**
	 * The DDL that turns the first side into the second.
	 * @param diff the diff
	 * @return the script
	 */
	static String script(DiffResult diff) {
		return diff.up().script(List.of());
	}

}
