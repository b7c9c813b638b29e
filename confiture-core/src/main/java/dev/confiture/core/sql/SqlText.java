package dev.confiture.core.sql;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * Decodes SQL files strictly as UTF-8: a byte sequence that is not UTF-8, a UTF-16 file
 * or a NUL byte is an error that names the file, the line and the encoding the bytes look
 * like, instead of text silently changed to {@code U+FFFD} or a driver error.
 */
public final class SqlText {

	private SqlText() {
	}

	/**
	 * Decodes a file's bytes (a UTF-8 byte order mark is dropped).
	 * @param bytes the content
	 * @param source the file, for messages
	 * @return the text
	 * @throws ConfitureException with {@link Category#SCHEMA} if the bytes are not UTF-8
	 * SQL text
	 */
	public static String decode(byte[] bytes, String source) {
		if (bytes.length >= 2 && ((bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE
				|| (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF)) {
			throw utf16(source);
		}
		int start = (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF) ? 3 : 0;
		for (int i = start; i < bytes.length; i++) {
			if (bytes[i] == 0) {
				if (looksLikeUtf16(bytes, start)) {
					throw utf16(source);
				}
				throw new ConfitureException(Category.SCHEMA,
						source + ":" + line(bytes, i) + ": contains a NUL byte " + "(column " + column(bytes, i)
								+ "); PostgreSQL cannot take NUL characters in SQL text",
						"Remove the NUL bytes (the file may be binary or damaged), then save it as UTF-8 text");
			}
		}
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
		CharBuffer out = CharBuffer.allocate(bytes.length);
		CoderResult result = decoder.decode(in, out, true);
		if (result.isError()) {
			int offset = in.position();
			throw new ConfitureException(Category.SCHEMA,
					source + ":" + line(bytes, offset) + ": not valid UTF-8 (byte 0x"
							+ String.format(Locale.ROOT, "%02X", bytes[offset] & 0xFF) + " at column "
							+ column(bytes, offset) + "); the file looks " + guess(bytes, start) + "-encoded",
					"Save " + source + " as UTF-8 (e.g. iconv -f " + iconvName(bytes, start)
							+ " -t UTF-8), then run again");
		}
		decoder.flush(out);
		out.flip();
		return out.toString();
	}

	private static ConfitureException utf16(String source) {
		return new ConfitureException(Category.SCHEMA,
				source + ":1: is UTF-16 text; Confiture reads SQL files as UTF-8",
				"Save " + source + " as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8), then run again");
	}

	private static boolean looksLikeUtf16(byte[] bytes, int start) {
		int length = Math.min(bytes.length, start + 200);
		int zeros = 0;
		for (int i = start; i < length; i++) {
			zeros += (bytes[i] == 0) ? 1 : 0;
		}
		return zeros * 3 >= (length - start);
	}

	private static String guess(byte[] bytes, int start) {
		for (int i = start; i < bytes.length; i++) {
			int b = bytes[i] & 0xFF;
			if (b >= 0x80 && b <= 0x9F) {
				return "Windows-1252";
			}
		}
		return "ISO-8859-1 (Latin-1)";
	}

	private static String iconvName(byte[] bytes, int start) {
		return guess(bytes, start).startsWith("Windows") ? "WINDOWS-1252" : "ISO-8859-1";
	}

	private static int line(byte[] bytes, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
				line++;
			}
		}
		return line;
	}

	private static int column(byte[] bytes, int offset) {
		int column = 1;
		for (int i = offset - 1; i >= 0 && bytes[i] != '\n' && bytes[i] != '\r'; i--) {
			column++;
		}
		return column;
	}

}
