package dev.confiture.core.build;

import java.util.Comparator;

/**
 * The order in which schema files are applied: relative paths compared segment by
 * segment, and within a segment runs of digits compared as numbers ({@code 2_x} before
 * {@code 10_x}), then the rest by code point so that the order never depends on the
 * platform's locale.
 */
public final class NaturalPathOrder implements Comparator<String> {

	/** The order of schema files in a build. */
	public static final NaturalPathOrder INSTANCE = new NaturalPathOrder();

	private NaturalPathOrder() {
	}

	@Override
	public int compare(String left, String right) {
		String[] leftSegments = left.split("/");
		String[] rightSegments = right.split("/");
		int common = Math.min(leftSegments.length, rightSegments.length);
		for (int i = 0; i < common; i++) {
			int result = compareSegment(leftSegments[i], rightSegments[i]);
			if (result != 0) {
				return result;
			}
		}
		return Integer.compare(leftSegments.length, rightSegments.length);
	}

	static int compareSegment(String left, String right) {
		int i = 0;
		int j = 0;
		while (i < left.length() && j < right.length()) {
			char a = left.charAt(i);
			char b = right.charAt(j);
			if (isDigit(a) && isDigit(b)) {
				int endA = digitsEnd(left, i);
				int endB = digitsEnd(right, j);
				int result = compareNumbers(left, i, endA, right, j, endB);
				if (result != 0) {
					return result;
				}
				i = endA;
				j = endB;
			}
			else {
				if (a != b) {
					return Character.compare(a, b);
				}
				i++;
				j++;
			}
		}
		int result = Integer.compare(left.length() - i, right.length() - j);
		return (result != 0) ? result : left.compareTo(right);
	}

	private static int compareNumbers(String left, int startA, int endA, String right, int startB, int endB) {
		int a = skipZeros(left, startA, endA);
		int b = skipZeros(right, startB, endB);
		int lengthA = endA - a;
		int lengthB = endB - b;
		if (lengthA != lengthB) {
			return Integer.compare(lengthA, lengthB);
		}
		for (int k = 0; k < lengthA; k++) {
			int result = Character.compare(left.charAt(a + k), right.charAt(b + k));
			if (result != 0) {
				return result;
			}
		}
		return 0;
	}

	private static int skipZeros(String text, int start, int end) {
		while (start < end - 1 && text.charAt(start) == '0') {
			start++;
		}
		return start;
	}

	private static int digitsEnd(String text, int start) {
		int end = start;
		while (end < text.length() && isDigit(text.charAt(end))) {
			end++;
		}
		return end;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

}
