package dev.confiture.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * A boxed table of text, as {@code confiture coordinate status} prints it.
 */
final class IntentTable {

	private static final int MAX_CELL = 40;

	private IntentTable() {
	}

	/**
	 * Renders a table; cells longer than 40 characters are cut with {@code ...}.
	 * @param headers the column headers
	 * @param rows the rows, each with one cell per header
	 * @param unicode box-drawing characters, or ASCII
	 * @return the table, one line per row plus borders, each ending with a line break
	 */
	static String render(List<String> headers, List<List<String>> rows, boolean unicode) {
		List<List<String>> cells = new ArrayList<>();
		cells.add(headers);
		rows.forEach((row) -> cells.add(row.stream().map(IntentTable::cell).toList()));
		int[] widths = new int[headers.size()];
		for (List<String> row : cells) {
			for (int i = 0; i < widths.length; i++) {
				widths[i] = Math.max(widths[i], row.get(i).length() + 3);
			}
		}
		String[] box = unicode ? new String[] { "\u250c", "\u252c", "\u2510", "\u251c", "\u253c", "\u2524", "\u2514",
				"\u2534", "\u2518", "\u2500", "\u2502" } : new String[] { "+", "+", "+", "+", "+", "+", "+", "+", "+", "-", "|" };
		StringBuilder table = new StringBuilder();
		border(table, widths, box[0], box[1], box[2], box[9]);
		line(table, widths, cells.get(0), box[10]);
		border(table, widths, box[3], box[4], box[5], box[9]);
		for (List<String> row : cells.subList(1, cells.size())) {
			line(table, widths, row, box[10]);
		}
		border(table, widths, box[6], box[7], box[8], box[9]);
		return table.toString();
	}

	private static String cell(String value) {
		String text = CoordinationText.clean(value);
		return (text.length() <= MAX_CELL) ? text : text.substring(0, MAX_CELL - 3) + "...";
	}

	private static void border(StringBuilder table, int[] widths, String left, String middle, String right,
			String horizontal) {
		table.append(left);
		for (int i = 0; i < widths.length; i++) {
			table.append(horizontal.repeat(widths[i])).append((i < widths.length - 1) ? middle : right);
		}
		table.append('\n');
	}

	private static void line(StringBuilder table, int[] widths, List<String> row, String vertical) {
		table.append(vertical);
		for (int i = 0; i < widths.length; i++) {
			String value = row.get(i);
			table.append(' ').append(value).append(" ".repeat(widths[i] - value.length() - 1)).append(vertical);
		}
		table.append('\n');
	}

}
