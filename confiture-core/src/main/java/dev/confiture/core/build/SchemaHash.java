package dev.confiture.core.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.sql.SqlText;

/**
 * SHA-256 over the relative path and the content of each file, in order. Content is
 * normalised first (a UTF-8 byte order mark removed, CRLF and CR turned into LF) so that
 * a checkout with other line endings gives the same hash; any other byte, a rename or a
 * new file changes it.
 */
public final class SchemaHash {

	private SchemaHash() {
	}

	/**
	 * Hashes files.
	 * @param files the files, in application order
	 * @return the lower-case hex SHA-256
	 */
	public static String of(List<SchemaFile> files) {
		MessageDigest digest = sha256();
		for (SchemaFile file : files) {
			digest.update(file.relativePath().getBytes(StandardCharsets.UTF_8));
			digest.update((byte) 0);
			digest.update(normalize(read(file)));
			digest.update((byte) 0);
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	/**
	 * Reads a file as stored.
	 * @param file the file
	 * @return its bytes
	 */
	public static byte[] read(SchemaFile file) {
		try {
			return file.resource().content();
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.SCHEMA,
					"Could not read " + file.displayPath() + ": " + ex.getMessage(), "Check the file's permissions",
					ex);
		}
	}

	/**
	 * Removes a UTF-8 byte order mark and turns CRLF and CR into LF.
	 * @param content raw bytes
	 * @return normalised bytes
	 */
	static byte[] normalize(byte[] content) {
		int start = (content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB
				&& (content[2] & 0xFF) == 0xBF) ? 3 : 0;
		byte[] result = new byte[content.length - start];
		int length = 0;
		for (int i = start; i < content.length; i++) {
			byte b = content[i];
			if (b == '\r') {
				result[length++] = '\n';
				if (i + 1 < content.length && content[i + 1] == '\n') {
					i++;
				}
			}
			else {
				result[length++] = b;
			}
		}
		return (length == result.length) ? result : java.util.Arrays.copyOf(result, length);
	}

	/**
	 * The normalised text of a file, as executed.
	 * @param file the file
	 * @return its text
	 */
	public static String text(SchemaFile file) {
		return SqlText.decode(normalize(read(file)), file.relativePath());
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
