package dev.confiture.core.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes a {@link DriftReport} as the plain text every adapter shows. What to do about
 * drift is worded by each adapter.
 */
final class DriftRenderer {

	private DriftRenderer() {
	}

	/**
	 * The report as lines of text.
	 * @param report the report
	 * @param environment the environment's name
	 * @param database the database, without secrets
	 * @return the lines, without line separators
	 */
	static List<String> render(DriftReport report, String environment, String database) {
		List<String> lines = new ArrayList<>();
		if (!report.drifted()) {
			lines.add("No drift: the database of environment " + environment + " matches its schema files.");
			return lines;
		}
		int count = report.differences().size();
		lines.add("Drift: the database of environment " + environment + " (" + database
				+ ") differs from its schema files in " + count + ((count == 1) ? " way" : " ways")
				+ ". To match the schema files it would need to:");
		report.differences().forEach((difference) -> lines.add("  " + difference));
		return lines;
	}

}
