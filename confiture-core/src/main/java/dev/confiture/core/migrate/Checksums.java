package dev.confiture.core.migrate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 checksums of migration files, computed over the normalised text so that a byte
 * order mark or Windows/old Mac line endings do not change them.
 */
final class Checksums {

	private Checksums() {
	}

	/**
	 * Normalises migration text: removes a leading byte order mark and turns CRLF and CR
	 * line endings into LF.
	 * @param text the file text
	 * @return the normalised text
	 */
	static String normalize(String text) {
		String result = (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? text.substring(1) : text;
		if (result.indexOf('\r') < 0) {
			return result;
		}
		return result.replace("\r\n", "\n").replace('\r', '\n');
	}

	/**
	 * The lower-case hex SHA-256 of the UTF-8 bytes of the normalised text.
	 * @param text the file text
	 * @return 64 hex characters
	 */
	static String sha256(String text) {
		return hex(newDigest().digest(normalize(text).getBytes(StandardCharsets.UTF_8)));
	}

	/**
	 * The checksum of a file from its bytes and its text, with a digest reused across the
	 * files of one scan: the bytes themselves when they are the UTF-8 of the normalised
	 * text (no byte order mark, no carriage return), so that the text is not encoded
	 * again.
	 * @param bytes the file's bytes, valid UTF-8 (they decoded to {@code text})
	 * @param text the file's text
	 * @param digest a SHA-256 digest, reset by this call
	 * @return 64 hex characters, as {@link #sha256(String)} of the text
	 */
	static String sha256(byte[] bytes, String text, MessageDigest digest) {
		boolean asIs = !(bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
				&& (bytes[2] & 0xFF) == 0xBF) && text.indexOf('\r') < 0;
		return hex(digest.digest(asIs ? bytes : normalize(text).getBytes(StandardCharsets.UTF_8)));
	}

	/** A new SHA-256 digest. */
	static MessageDigest newDigest() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String hex(byte[] hash) {
		return HexFormat.of().formatHex(hash);
	}

}
