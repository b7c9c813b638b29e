package dev.confiture.core.sync;

/**
 * A keyed permutation of the numbers {@code [0, size)}: a balanced four-round Feistel
 * network on the smallest even number of bits that holds {@code size}, with cycle walking
 * back into the range. Being a permutation, distinct inputs always give distinct outputs.
 */
final class Permutation {

	private static final int ROUNDS = 4;

	private Permutation() {
	}

	/**
	 * Maps a number to another of the same range.
	 * @param keyed the keyed round function
	 * @param tweak separates permutations of different domains (strategy, length)
	 * @param value a number in {@code [0, size)}
	 * @param size the size of the range, at most 2^62
	 * @return the mapped number, in {@code [0, size)}
	 */
	static long apply(Keyed keyed, long tweak, long value, long size) {
		if (size <= 1) {
			return value;
		}
		int bits = 64 - Long.numberOfLeadingZeros(size - 1);
		bits = Math.max(2, bits + (bits & 1));
		int half = bits / 2;
		long mask = (1L << half) - 1;
		long x = value;
		do {
			long left = x >>> half;
			long right = x & mask;
			for (int round = 0; round < ROUNDS; round++) {
				long next = left ^ (keyed.round(tweak, round, right) & mask);
				left = right;
				right = next;
			}
			x = (left << half) | right;
		}
		while (x >= size);
		return x;
	}

}
