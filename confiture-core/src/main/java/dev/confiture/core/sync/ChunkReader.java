package dev.confiture.core.sync;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import org.postgresql.copy.CopyOut;

/**
 * Reads the source's rows on its own thread, applies the rules, and hands chunks of
 * {@link #CHUNK} bytes to the writing thread through a small bounded queue: reading and
 * transforming overlap with the target's {@code COPY FROM}, and memory stays at a few
 * chunks. Without rules, rows pass through as bytes, undecoded.
 */
final class ChunkReader implements Runnable {

	/** The size of a chunk handed to the target. */
	static final int CHUNK = 64 * 1024;

	/** The mark after the last chunk. */
	static final Chunk END = new Chunk(0, new byte[0]);

	private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(8);

	private final CopyOut out;

	private final Strategy[] rules;

	private final int[] keyColumns;

	private final int[] binary;

	private volatile long rows;

	private volatile long bytes;

	private volatile SQLException failure;

	private volatile Throwable error;

	private volatile boolean stopped;

	/**
	 * Creates a reader.
	 * @param out the source's {@code COPY TO STDOUT}
	 * @param rules the strategy of each column, or {@code null} when no column has one
	 * @param keyColumns the columns that identify a row for
	 * {@link Strategy#needsRowKey()}, or {@code null}
	 * @param binary the type of each column when the format is binary, or {@code null}
	 */
	ChunkReader(CopyOut out, Strategy[] rules, int[] keyColumns, int[] binary) {
		this.out = out;
		this.rules = rules;
		this.keyColumns = keyColumns;
		this.binary = binary;
	}

	@Override
	public void run() {
		try {
			RowBytes chunk = new RowBytes(CHUNK + 4096);
			int[] bounds = (this.rules != null) ? new int[2 * this.rules.length + 2] : null;
			RowKey key = (this.keyColumns != null) ? new RowKey(this.keyColumns) : null;
			byte[] row;
			long count = 0;
			long size = 0;
			while (!this.stopped && (row = this.out.readFromCopy()) != null) {
				int before = chunk.size();
				if (this.rules == null) {
					chunk.write(row, 0, row.length);
				}
				else if (this.binary != null) {
					CopyBinary.rewrite(row, this.rules, this.binary, chunk);
				}
				else {
					CopyText.rewrite(row, this.rules, bounds, key, chunk);
				}
				if (this.binary == null || CopyBinary.isRow(row)) {
					count++;
				}
				size += chunk.size() - before;
				if (chunk.size() >= CHUNK) {
					this.rows = count;
					this.bytes = size;
					put(new Chunk(chunk.size(), chunk.take(CHUNK + 4096)));
				}
			}
			if (chunk.size() > 0) {
				put(new Chunk(chunk.size(), chunk.take(0)));
			}
			this.rows = count;
			this.bytes = size;
		}
		catch (SQLException ex) {
			this.failure = ex;
		}
		catch (RuntimeException | Error ex) {
			this.error = ex;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			end();
		}
	}

	/**
	 * Hands the end mark over, waiting for room: the queue may be full when the source is
	 * read faster than the target is written, and a lost mark would leave the writer
	 * waiting for ever.
	 */
	private void end() {
		boolean interrupted = Thread.interrupted();
		while (!this.stopped) {
			try {
				if (this.queue.offer(END, 100, TimeUnit.MILLISECONDS)) {
					break;
				}
			}
			catch (InterruptedException ex) {
				interrupted = true;
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	private void put(Chunk chunk) throws InterruptedException {
		while (!this.stopped) {
			if (this.queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
				return;
			}
		}
	}

	/**
	 * The next chunk, waiting for it, or {@link #END}.
	 * @throws SQLException if reading the source failed
	 */
	Chunk next() throws SQLException {
		Chunk chunk;
		try {
			chunk = this.queue.take();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLException("Interrupted while copying", "57014", ex);
		}
		if (chunk == END) {
			this.queue.offer(END);
			if (this.failure != null) {
				throw this.failure;
			}
			if (this.error instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (this.error instanceof Error fatal) {
				throw fatal;
			}
		}
		return chunk;
	}

	/** Stops reading and drops the chunks not yet written. */
	void stop() {
		this.stopped = true;
		this.queue.clear();
	}

	/** The rows read so far. */
	long rows() {
		return this.rows;
	}

	/** The bytes handed over so far. */
	long bytes() {
		return this.bytes;
	}

	/** Rows ready to write: the first {@code length} bytes of {@code bytes}. */
	record Chunk(int length, byte[] bytes) {
	}

}
