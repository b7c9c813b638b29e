package dev.confiture.core.sync;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads and writes rows of PostgreSQL's binary {@code COPY} format: a header before the
 * first row, then per row a 16-bit field count and, per field, a 32-bit length
 * ({@code -1} for NULL) and the value in the type's binary form; a count of {@code -1}
 * ends the data. The binary form spares both servers the text conversion of numbers,
 * timestamps and arrays (the larger part of a {@code COPY}'s work after the writing
 * itself), but it carries type identifiers inside arrays and composite values, and only
 * built-in types are sure to have it. So it is used for a table when every column has a
 * built-in type with binary input and output, both servers have the same major version,
 * and every rule is on a text or JSON column (whose binary form is its text) and does not
 * depend on the row.
 */
final class CopyBinary {

	private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0 };

	/** text, varchar, bpchar, json: the binary form is the text. */
	private static final Set<Integer> TEXT_TYPES = Set.of(25, 1043, 1042, 114);

	/** jsonb: a version byte (1), then the text. */
	static final int JSONB = 3802;

	/** The first object identifier of objects that are not built into PostgreSQL. */
	private static final int FIRST_NORMAL_OID = 16384;

	private CopyBinary() {
	}

	/**
	 * The type of each column when the table can be copied in binary form, or
	 * {@code null}.
	 * @param rules the strategy of each column, or {@code null} entries
	 */
	static int[] types(Connection source, Connection target, SourceTable table, Strategy[] rules) throws SQLException {
		if (source.getMetaData().getDatabaseMajorVersion() != target.getMetaData().getDatabaseMajorVersion()) {
			return null;
		}
		Map<String, Integer> types = new HashMap<>();
		try (PreparedStatement query = source.prepareStatement("""
				SELECT a.attname, CASE WHEN t.oid < ? AND t.typsend::oid <> 0 AND t.typreceive::oid <> 0
					THEN t.oid::int ELSE -1 END
				FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
				WHERE a.attrelid = ?::regclass AND a.attnum > 0 AND NOT a.attisdropped""")) {
			query.setInt(1, FIRST_NORMAL_OID);
			query.setString(2, table.qualified());
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					types.put(rows.getString(1), rows.getInt(2));
				}
			}
		}
		int[] result = new int[table.columns().size()];
		for (int i = 0; i < result.length; i++) {
			Integer type = types.get(table.columns().get(i).name());
			if (type == null || type < 0) {
				return null;
			}
			Strategy rule = rules[i];
			if (rule != null && (rule.needsRowKey() || !(TEXT_TYPES.contains(type) || type == JSONB))) {
				return null;
			}
			result[i] = type;
		}
		return result;
	}

	/** Where the row data of a message starts: after the header in the first message. */
	private static int start(byte[] message) {
		if (message.length >= 19 && startsWithSignature(message)) {
			return 19 + readInt(message, 15);
		}
		return 0;
	}

	private static boolean startsWithSignature(byte[] message) {
		for (int i = 0; i < SIGNATURE.length; i++) {
			if (message[i] != SIGNATURE[i]) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether a message of the server holds a row (and not only the header or the end
	 * mark).
	 */
	static boolean isRow(byte[] message) {
		int start = start(message);
		return message.length - start >= 2 && readShort(message, start) != -1;
	}

	/**
	 * Appends a message with the rules applied to its row's fields.
	 * @param message one message of the server: a row, possibly after the header, or the
	 * end
	 * @param rules the strategy of each column, or {@code null} entries
	 * @param types the type of each column
	 */
	static void rewrite(byte[] message, Strategy[] rules, int[] types, RowBytes result) {
		int offset = start(message);
		if (message.length - offset < 2 || readShort(message, offset) == -1) {
			result.write(message, 0, message.length);
			return;
		}
		int fields = readShort(message, offset);
		result.write(message, 0, offset + 2);
		offset += 2;
		for (int i = 0; i < fields; i++) {
			int length = readInt(message, offset);
			Strategy rule = (i < rules.length) ? rules[i] : null;
			int end = offset + 4 + Math.max(length, 0);
			if (rule == null) {
				result.write(message, offset, end - offset);
				offset = end;
				continue;
			}
			int skip = (types[i] == JSONB) ? 1 : 0;
			String value = (length >= 0) ? new String(message, offset + 4 + skip, length - skip, StandardCharsets.UTF_8)
					: null;
			String replaced;
			try {
				replaced = rule.apply(value, null);
			}
			catch (RuntimeException ex) {
				throw new RuleFailure(i, rule, ex);
			}
			if (replaced == null) {
				writeInt(result, -1);
			}
			else {
				byte[] bytes = replaced.getBytes(StandardCharsets.UTF_8);
				writeInt(result, bytes.length + skip);
				if (skip > 0) {
					result.write(1);
				}
				result.write(bytes, 0, bytes.length);
			}
			offset = end;
		}
	}

	private static int readShort(byte[] bytes, int offset) {
		return (short) (((bytes[offset] & 0xFF) << 8) | (bytes[offset + 1] & 0xFF));
	}

	private static int readInt(byte[] bytes, int offset) {
		return ((bytes[offset] & 0xFF) << 24) | ((bytes[offset + 1] & 0xFF) << 16) | ((bytes[offset + 2] & 0xFF) << 8)
				| (bytes[offset + 3] & 0xFF);
	}

	private static void writeInt(RowBytes out, int value) {
		out.write(value >>> 24);
		out.write(value >>> 16);
		out.write(value >>> 8);
		out.write(value);
	}

}
