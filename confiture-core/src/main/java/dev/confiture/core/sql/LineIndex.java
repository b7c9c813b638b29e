package dev.confiture.core.sql;

import java.util.Arrays;

/**
 * Maps offsets in a text to 1-based line numbers. LF, CRLF and a lone CR each end a line.
 */
final class LineIndex {

	private final int[] lineStarts;

	private final int lineCount;

	LineIndex(String text) {
		int[] starts = new int[64];
		int count = 1;
		int length = text.length();
		for (int i = 0; i < length; i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
					i++;
				}
				if (count == starts.length) {
					starts = Arrays.copyOf(starts, count * 2);
				}
				starts[count++] = i + 1;
			}
		}
		this.lineStarts = starts;
		this.lineCount = count;
	}

	/**
	 * Return the line of the character at the given offset.
	 * @param offset an offset in the text
	 * @return the 1-based line number
	 */
	int lineAt(int offset) {
		int index = Arrays.binarySearch(this.lineStarts, 0, this.lineCount, offset);
		return (index >= 0) ? index + 1 : -index - 1;
	}

}
