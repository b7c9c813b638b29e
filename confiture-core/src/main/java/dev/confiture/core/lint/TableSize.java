package dev.confiture.core.lint;

/**
 * The size of a table in the live database, read from {@code pg_class.reltuples} and
 * {@code pg_total_relation_size}.
 *
 * @param rows the estimated number of rows ({@code -1} if never analysed)
 * @param bytes the size with indexes and TOAST
 */
public record TableSize(long rows, long bytes) {

	/** For example {@code 48 M rows, 12 GB}. */
	@Override
	public String toString() {
		return ((this.rows < 0) ? "rows unknown" : count(this.rows) + " rows") + ", " + bytes(this.bytes);
	}

	private static String count(long rows) {
		if (rows >= 1_000_000_000L) {
			return (rows / 1_000_000_000L) + " G";
		}
		if (rows >= 1_000_000L) {
			return (rows / 1_000_000L) + " M";
		}
		if (rows >= 10_000L) {
			return (rows / 1_000L) + " k";
		}
		return Long.toString(rows);
	}

	private static String bytes(long bytes) {
		String[] units = { "bytes", "kB", "MB", "GB", "TB" };
		double value = bytes;
		int unit = 0;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return (unit == 0) ? bytes + " bytes" : Math.round(value) + " " + units[unit];
	}

}
