package dev.confiture.cli;

import java.io.PrintWriter;
import java.util.Locale;

import dev.confiture.core.sync.PlannedTable;
import dev.confiture.core.sync.SyncListener;
import dev.confiture.core.sync.SyncResult;
import dev.confiture.core.sync.TableResult;

/**
 * Shows sync progress: on a terminal one line per table redrawn in place (rows, MB/s, ETA
 * from the source's estimate), otherwise one plain line per finished table; then a final
 * table.
 */
final class SyncProgressPrinter implements SyncListener {

	private final PrintWriter out;

	private final boolean terminal;

	private final boolean enabled;

	private long started;

	SyncProgressPrinter(PrintWriter out, boolean terminal, boolean enabled) {
		this.out = out;
		this.terminal = terminal;
		this.enabled = enabled;
	}

	@Override
	public void tableStarted(PlannedTable table) {
		this.started = System.nanoTime();
	}

	@Override
	public void progress(PlannedTable table, long rows, long bytes) {
		if (!this.enabled || !this.terminal) {
			return;
		}
		double seconds = Math.max(1e-3, (System.nanoTime() - this.started) / 1e9);
		double rate = rows / seconds;
		String eta = (table.estimatedRows() > rows && rate > 0)
				? String.format(Locale.ROOT, ", ETA %ds", Math.round((table.estimatedRows() - rows) / rate)) : "";
		this.out.printf(Locale.ROOT, "\r  %-40s %,12d rows  %6.1f MB/s%s   ", table.name(), rows, bytes / seconds / 1e6,
				eta);
		this.out.flush();
	}

	@Override
	public void tableFinished(TableResult result) {
		if (!this.enabled) {
			return;
		}
		if (this.terminal) {
			this.out.print("\r");
		}
		if (result.skipped()) {
			this.out.printf(Locale.ROOT, "  %-40s skipped (copied by the interrupted run)%n", result.name());
		}
		else {
			this.out.printf(Locale.ROOT, "  %-40s %,12d rows  %8s  %6d ms%n", result.name(), result.rows(),
					size(result.bytes()), result.durationMs());
		}
		this.out.flush();
	}

	void summary(SyncResult result) {
		double seconds = Math.max(1e-3, result.durationMs() / 1000.0);
		this.out.printf(Locale.ROOT, "Copied %,d rows (%s) in %d tables in %.1f s: %,d rows/s, %.1f MB/s%n",
				result.rows(), size(result.bytes()), result.tables().stream().filter((t) -> !t.skipped()).count(),
				seconds, Math.round(result.rows() / seconds), result.bytes() / seconds / 1e6);
		this.out.flush();
	}

	static String size(long bytes) {
		if (bytes < 1024) {
			return bytes + " B";
		}
		if (bytes < 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0);
		}
		if (bytes < 1024L * 1024 * 1024) {
			return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
		}
		return String.format(Locale.ROOT, "%.2f GB", bytes / (1024.0 * 1024 * 1024));
	}

}
