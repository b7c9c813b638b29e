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
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(normalize(text).getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
