package dev.confiture.core.sync;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes rows of PostgreSQL's {@code COPY} text format (UTF-8): fields
 * separated by tabs, a newline at the end of the row, {@code \N} for NULL, and backslash
 * escapes inside values. Only the fields that a rule transforms are decoded; the others
 * are carried as bytes.
 */
final class CopyText {

	private static final byte TAB = '\t';

	private static final byte NEWLINE = '\n';

	private static final byte BACKSLASH = '\\';

	private CopyText() {
	}

	/**
	 * Splits one row into the byte ranges of its fields.
	 * @param row the row, ending with a newline
	 * @param length the number of bytes of the row in the buffer
	 * @param bounds receives start and end offsets, two per field
	 * @return the number of fields
	 */
	static int split(byte[] row, int length, int[] bounds) {
		int end = (length > 0 && row[length - 1] == NEWLINE) ? length - 1 : length;
		int field = 0;
		int start = 0;
		for (int i = 0; i < end; i++) {
			if (row[i] == TAB) {
				bounds[field * 2] = start;
				bounds[field * 2 + 1] = i;
				field++;
				start = i + 1;
			}
		}
		bounds[field * 2] = start;
		bounds[field * 2 + 1] = end;
		return field + 1;
	}

	/**
	 * Decodes one field.
	 * @return the value, or {@code null} for {@code \N}
	 */
	static String decode(byte[] row, int start, int end) {
		if (end - start == 2 && row[start] == BACKSLASH && row[start + 1] == 'N') {
			return null;
		}
		boolean escaped = false;
		for (int i = start; i < end; i++) {
			if (row[i] == BACKSLASH) {
				escaped = true;
				break;
			}
		}
		if (!escaped) {
			return new String(row, start, end - start, StandardCharsets.UTF_8);
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(end - start);
		for (int i = start; i < end; i++) {
			byte b = row[i];
			if (b != BACKSLASH || i + 1 >= end) {
				bytes.write(b);
				continue;
			}
			byte next = row[++i];
			switch (next) {
				case 'b' -> bytes.write('\b');
				case 'f' -> bytes.write('\f');
				case 'n' -> bytes.write('\n');
				case 'r' -> bytes.write('\r');
				case 't' -> bytes.write('\t');
				case 'v' -> bytes.write(0x0B);
				case 'x' -> {
					int value = 0;
					int digits = 0;
					while (digits < 2 && i + 1 < end && Character.digit(row[i + 1], 16) >= 0) {
						value = value * 16 + Character.digit(row[++i], 16);
						digits++;
					}
					bytes.write((digits > 0) ? value : 'x');
				}
				default -> {
					if (next >= '0' && next <= '7') {
						int value = next - '0';
						int digits = 1;
						while (digits < 3 && i + 1 < end && row[i + 1] >= '0' && row[i + 1] <= '7') {
							value = value * 8 + (row[++i] - '0');
							digits++;
						}
						bytes.write(value);
					}
					else {
						bytes.write(next);
					}
				}
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	/**
	 * Appends one value, escaped, or {@code \N} for {@code null}.
	 */
	static void encode(String value, RowBytes out) {
		if (value == null) {
			out.write(BACKSLASH);
			out.write('N');
			return;
		}
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		for (byte b : bytes) {
			switch (b) {
				case BACKSLASH -> {
					out.write(BACKSLASH);
					out.write(BACKSLASH);
				}
				case TAB -> {
					out.write(BACKSLASH);
					out.write('t');
				}
				case NEWLINE -> {
					out.write(BACKSLASH);
					out.write('n');
				}
				case '\r' -> {
					out.write(BACKSLASH);
					out.write('r');
				}
				default -> out.write(b);
			}
		}
	}

	/**
	 * Appends a row with the rules applied to its fields; the other fields are carried as
	 * bytes.
	 * @param row the row, ending with a newline
	 * @param rules the strategy of each column, or {@code null} entries
	 * @param bounds room for two offsets per field
	 * @param key the row key that the rules may ask for, or {@code null}
	 * @param result receives the row
	 * @throws RuleFailure if a strategy fails on a value
	 */
	static void rewrite(byte[] row, Strategy[] rules, int[] bounds, RowKey key, RowBytes result) {
		int fields = split(row, row.length, bounds);
		if (key != null) {
			key.reset(row, bounds);
		}
		for (int i = 0; i < fields; i++) {
			if (i > 0) {
				result.write(TAB);
			}
			int start = bounds[2 * i];
			int end = bounds[2 * i + 1];
			Strategy rule = (i < rules.length) ? rules[i] : null;
			if (rule == null) {
				result.write(row, start, end - start);
			}
			else {
				String value;
				try {
					value = rule.apply(decode(row, start, end), key);
				}
				catch (RuntimeException ex) {
					throw new RuleFailure(i, rule, ex);
				}
				encode(value, result);
			}
		}
		result.write(NEWLINE);
	}

	/**
	 * Decodes every field of a row (for tests and for the row identity of date shifts).
	 */
	static List<String> decodeAll(byte[] row) {
		int[] bounds = new int[2 * (row.length + 1)];
		int count = split(row, row.length, bounds);
		List<String> values = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			values.add(decode(row, bounds[2 * i], bounds[2 * i + 1]));
		}
		return values;
	}

}
