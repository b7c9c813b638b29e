package dev.confiture.core.migrate;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a {@link StatusReport} as the plain text every adapter shows: a heading, a table
 * of migrations and a total, then a neutral line when applied migrations have changed.
 * What to do about an uninitialised database is worded by each adapter.
 */
final class StatusRenderer {

	private static final DateTimeFormatter APPLIED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private StatusRenderer() {
	}

	/**
	 * The report as lines of text.
	 * @param report the report
	 * @return the lines, without line separators
	 */
	static List<String> render(StatusReport report) {
		List<String> lines = new ArrayList<>();
		lines.add("Migrations (tracking table " + report.trackingTable() + ")");
		List<String[]> rows = new ArrayList<>();
		rows.add(new String[] { "Version", "Name", "Status", "Applied at" });
		for (MigrationStatus status : report.migrations()) {
			rows.add(new String[] { status.version(), status.name(), label(status), (status.appliedAt() != null)
					? APPLIED_AT.format(status.appliedAt().atZoneSameInstant(ZoneId.systemDefault())) : "" });
		}
		table(lines, rows);
		lines.add(String.format(Locale.ROOT, "Total: %d migrations (%d applied, %d pending)",
				report.migrations().size(), report.appliedCount(), report.pendingCount()));
		if (report.initialized() && report.hasChecksumMismatch()) {
			lines.add("Applied migrations have changed since they were applied: restore them, and put changes in "
					+ "new migrations.");
		}
		return lines;
	}

	private static String label(MigrationStatus status) {
		String label = status.state().label();
		return (!status.reversible() && status.location() != null) ? label + ", irreversible" : label;
	}

	private static void table(List<String> lines, List<String[]> rows) {
		int[] widths = new int[rows.get(0).length];
		for (String[] row : rows) {
			for (int i = 0; i < row.length; i++) {
				widths[i] = Math.max(widths[i], row[i].length());
			}
		}
		StringBuilder border = new StringBuilder("+");
		for (int width : widths) {
			border.append("-".repeat(width + 2)).append('+');
		}
		lines.add(border.toString());
		for (int r = 0; r < rows.size(); r++) {
			StringBuilder line = new StringBuilder("|");
			for (int i = 0; i < widths.length; i++) {
				String cell = rows.get(r)[i];
				line.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
			}
			lines.add(line.toString());
			if (r == 0) {
				lines.add(border.toString());
			}
		}
		lines.add(border.toString());
	}

}
