package dev.confiture.core.sync;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keyed pseudo-random functions behind the deterministic strategies: HMAC-SHA256 for
 * whole values, and AES on one block for the rounds of the format-preserving permutations
 * (much cheaper per call). Not thread-safe: one instance per copying thread.
 */
final class Keyed {

	private static final HexFormat HEX = HexFormat.of();

	private final Mac mac;

	private final Cipher block;

	private final byte[] in = new byte[16];

	private final byte[] out = new byte[16];

	Keyed(byte[] key) {
		try {
			this.mac = Mac.getInstance("HmacSHA256");
			this.mac.init(new SecretKeySpec(key, "HmacSHA256"));
			byte[] blockKey = this.mac.doFinal("confiture block key".getBytes(StandardCharsets.UTF_8));
			this.block = Cipher.getInstance("AES/ECB/NoPadding");
			this.block.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(blockKey, 0, 16, "AES"));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 and AES are part of every Java runtime", ex);
		}
	}

	/** HMAC-SHA256 of a domain-separated value. */
	byte[] hmac(String domain, String value) {
		this.mac.update(domain.getBytes(StandardCharsets.UTF_8));
		this.mac.update((byte) 0);
		return this.mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
	}

	/** The first {@code chars} hex digits of the HMAC of a value. */
	String hex(String domain, String value, int chars) {
		return HEX.formatHex(hmac(domain, value)).substring(0, chars);
	}

	/**
	 * One AES block over the tweak, the round and a half-state: the Feistel round
	 * function.
	 */
	long round(long tweak, int round, long half) {
		ByteBuffer buffer = ByteBuffer.wrap(this.in);
		buffer.putLong(0, tweak ^ ((long) round << 56));
		buffer.putLong(8, half);
		try {
			this.block.update(this.in, 0, 16, this.out, 0);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
		return ByteBuffer.wrap(this.out).getLong(0);
	}

}
