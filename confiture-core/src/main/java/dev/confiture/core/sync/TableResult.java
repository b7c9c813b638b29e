package dev.confiture.core.sync;

/**
 * What happened to one table.
 *
 * @param name the unquoted {@code schema.table}
 * @param rows the rows copied (checked against the target after the copy)
 * @param bytes the bytes of COPY data written
 * @param durationMs how long the table took
 * @param skipped whether it was skipped because the resumed run had copied it
 */
public record TableResult(String name, long rows, long bytes, long durationMs, boolean skipped) {

	/** Rows per second, 0 when too fast to measure. */
	public long rowsPerSecond() {
		return (this.durationMs > 0) ? this.rows * 1000 / this.durationMs : 0;
	}

}
