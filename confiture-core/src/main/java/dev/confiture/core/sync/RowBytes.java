package dev.confiture.core.sync;

import java.util.Arrays;

/**
 * A growable byte array for the rows being copied. Unlike {@code ByteArrayOutputStream}
 * it is not synchronised (one thread owns it) and hands its array over without copying
 * it, which matters when every field of two million rows is written through it.
 */
final class RowBytes {

	private byte[] bytes;

	private int size;

	RowBytes(int capacity) {
		this.bytes = new byte[capacity];
	}

	void write(int b) {
		if (this.size == this.bytes.length) {
			grow(1);
		}
		this.bytes[this.size++] = (byte) b;
	}

	void write(byte[] source, int offset, int length) {
		if (this.size + length > this.bytes.length) {
			grow(length);
		}
		System.arraycopy(source, offset, this.bytes, this.size, length);
		this.size += length;
	}

	int size() {
		return this.size;
	}

	/** The bytes written so far, in an array that may be longer; see {@link #size()}. */
	byte[] array() {
		return this.bytes;
	}

	/** Hands the array over and starts a new one of the given capacity. */
	byte[] take(int capacity) {
		byte[] taken = this.bytes;
		this.bytes = new byte[capacity];
		this.size = 0;
		return taken;
	}

	void reset() {
		this.size = 0;
	}

	private void grow(int needed) {
		this.bytes = Arrays.copyOf(this.bytes, Math.max(this.bytes.length * 2, this.size + needed));
	}

}
