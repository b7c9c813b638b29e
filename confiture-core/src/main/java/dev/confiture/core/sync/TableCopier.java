package dev.confiture.core.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

import dev.confiture.core.internal.Identifiers;

/**
 * Streams one table from the source to the target: {@code COPY ... TO STDOUT} read row by
 * row (PostgreSQL sends one row per message), the anonymised columns replaced, and the
 * rows written in 64 KiB chunks to {@code COPY ... FROM STDIN}. Memory stays bounded
 * whatever the size of the table. Rows without rules pass through as bytes, and a rule
 * decodes only its own field. The binary format when {@link CopyBinary} says the table
 * allows it (it spares both servers the text conversions), the text format otherwise.
 */
final class TableCopier {

	private static final int CHUNK = 64 * 1024;

	private static final long PROGRESS_EVERY = 50_000;

	/**
	 * Copies the table's rows. The target transaction is the caller's: nothing is
	 * committed.
	 * @return the rows and bytes written
	 */
	long[] copy(Connection source, Connection target, SourceTable table, String where, Map<String, Strategy> strategies,
			PlannedTable planned, SyncListener listener) throws SQLException {
		Strategy[] rules = new Strategy[table.columns().size()];
		boolean rowKey = false;
		for (Map.Entry<String, Strategy> rule : strategies.entrySet()) {
			int index = table.indexOf(rule.getKey());
			if (index >= 0 && !rule.getKey().isEmpty()) {
				rules[index] = rule.getValue();
				rowKey |= rule.getValue().needsRowKey();
			}
		}
		String select = "SELECT " + table.columnList() + " FROM " + table.qualified()
				+ ((where != null) ? " WHERE " + where : "");
		int[] binary = CopyBinary.types(source, target, table, rules);
		return stream(source, target, select, table.qualified(), table.columnList(), table.name(), rules,
				rowKey ? keyColumns(table) : null, binary, planned, listener);
	}

	/**
	 * Streams the rows of a query into a table. The target transaction is the caller's.
	 * @param select the query on the source, its columns in the order of {@code columns}
	 * @param qualified the quoted target table
	 * @param columns the quoted target columns
	 * @param name the table's name for messages
	 * @param rules the strategy of each column, or {@code null} entries
	 * @param keyColumns the columns that identify a row for
	 * {@link Strategy#needsRowKey()}, or {@code null}
	 * @param binary the type of each column to copy in binary form (see
	 * {@link CopyBinary}), or {@code null} for the text form
	 * @return the rows and bytes written
	 */
	long[] stream(Connection source, Connection target, String select, String qualified, String columns, String name,
			Strategy[] rules, int[] keyColumns, int[] binary, PlannedTable planned, SyncListener listener)
			throws SQLException {
		boolean transform = java.util.Arrays.stream(rules).anyMatch((rule) -> rule != null);
		CopyManager sourceCopy = source.unwrap(PGConnection.class).getCopyAPI();
		CopyManager targetCopy = target.unwrap(PGConnection.class).getCopyAPI();
		String format = (binary != null) ? " (FORMAT binary)" : "";
		CopyOut out = sourceCopy.copyOut("COPY (" + select + ") TO STDOUT" + format);
		ChunkReader reader = new ChunkReader(out, transform ? rules : null, keyColumns, binary);
		Thread thread = new Thread(reader, "confiture-sync-reader");
		thread.setDaemon(true);
		CopyIn in = null;
		try {
			in = targetCopy.copyIn("COPY " + qualified + " (" + columns + ") FROM STDIN" + format);
			thread.start();
			long reported = 0;
			Chunk chunk;
			while ((chunk = reader.next()) != ChunkReader.END) {
				in.writeToCopy(chunk.bytes(), 0, chunk.length());
				if (reader.rows() - reported >= PROGRESS_EVERY) {
					reported = reader.rows();
					listener.progress(planned, reported, reader.bytes());
				}
			}
			long inserted = in.endCopy();
			in = null;
			if (inserted != reader.rows()) {
				throw new SQLException(
						"COPY into " + name + " wrote " + inserted + " rows, the source sent " + reader.rows());
			}
			listener.progress(planned, reader.rows(), reader.bytes());
			return new long[] { reader.rows(), reader.bytes() };
		}
		finally {
			reader.stop();
			joinQuietly(thread);
			if (out.isActive()) {
				out.cancelCopy();
			}
			if (in != null && in.isActive()) {
				in.cancelCopy();
			}
		}
	}

	private static void joinQuietly(Thread thread) {
		try {
			thread.join(10_000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Reads the source's rows on its own thread, applies the rules, and hands 64 KiB
	 * chunks to the writing thread through a small bounded queue: reading and
	 * transforming overlap with the target's {@code COPY FROM}, and memory stays at a few
	 * chunks.
	 */
	private static final class ChunkReader implements Runnable {

		static final Chunk END = new Chunk(0, new byte[0]);

		private final java.util.concurrent.BlockingQueue<Chunk> queue = new java.util.concurrent.ArrayBlockingQueue<>(
				8);

		private final CopyOut out;

		private final Strategy[] rules;

		private final int[] keyColumns;

		private final int[] binary;

		private volatile long rows;

		private volatile long bytes;

		private volatile SQLException failure;

		private volatile Throwable error;

		private volatile boolean stopped;

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
						rewrite(row, this.rules, bounds, key, chunk);
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
		 * Hands the end mark over, waiting for room: the queue may be full when the
		 * source is read faster than the target is written, and a lost mark would leave
		 * the writer waiting for ever.
		 */
		private void end() {
			boolean interrupted = Thread.interrupted();
			while (!this.stopped) {
				try {
					if (this.queue.offer(END, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
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
				if (this.queue.offer(chunk, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
					return;
				}
			}
		}

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

		void stop() {
			this.stopped = true;
			this.queue.clear();
		}

		long rows() {
			return this.rows;
		}

		long bytes() {
			return this.bytes;
		}

	}

	private static void rewrite(byte[] row, Strategy[] rules, int[] bounds, RowKey key, RowBytes result) {
		int fields = CopyText.split(row, row.length, bounds);
		if (key != null) {
			key.reset(row, bounds);
		}
		for (int i = 0; i < fields; i++) {
			if (i > 0) {
				result.write('\t');
			}
			int start = bounds[2 * i];
			int end = bounds[2 * i + 1];
			Strategy rule = (i < rules.length) ? rules[i] : null;
			if (rule == null) {
				result.write(row, start, end - start);
			}
			else {
				String value;
				try {
					value = rule.apply(CopyText.decode(row, start, end), key);
				}
				catch (RuntimeException ex) {
					throw new RuleFailure(i, rule, ex);
				}
				CopyText.encode(value, result);
			}
		}
		result.write('\n');
	}

	/** Rows ready to write: the first {@code length} bytes of {@code bytes}. */
	private record Chunk(int length, byte[] bytes) {
	}

	/**
	 * A strategy failed on a value. Carries the column and the strategy, never the value
	 * nor the original exception (whose message may quote it).
	 */
	static final class RuleFailure extends RuntimeException {

		private final int column;

		private final transient Strategy strategy;

		RuleFailure(int column, Strategy strategy, RuntimeException cause) {
			super((cause instanceof Strategy.Unsupported) ? cause.getMessage()
					: "it failed with " + cause.getClass().getSimpleName(), null, false, false);
			this.column = column;
			this.strategy = strategy;
		}

		/** The index of the column among the copied ones. */
		int column() {
			return this.column;
		}

		/** The strategy's name. */
		String strategy() {
			return this.strategy.name();
		}

	}

	private static int[] keyColumns(SourceTable table) {
		List<Integer> indexes = new ArrayList<>();
		for (String column : table.primaryKey()) {
			int index = table.indexOf(column);
			if (index >= 0) {
				indexes.add(index);
			}
		}
		return indexes.stream().mapToInt(Integer::intValue).toArray();
	}

	/**
	 * Sets the target's sequences owned by the table's columns from the copied data: the
	 * highest value, or the start when the table is empty.
	 */
	static void resetSequences(Connection target, SourceTable table) throws SQLException {
		String owned = """
				SELECT quote_ident(sn.nspname) || '.' || quote_ident(s.relname), quote_ident(a.attname)
				FROM pg_depend d JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
				JOIN pg_namespace sn ON sn.oid = s.relnamespace
				JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
				WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
					AND d.deptype IN ('a', 'i') AND d.refobjid = ?::regclass""";
		List<String[]> sequences = new ArrayList<>();
		try (PreparedStatement statement = target.prepareStatement(owned)) {
			statement.setString(1, table.qualified());
			try (ResultSet rows = statement.executeQuery()) {
				while (rows.next()) {
					sequences.add(new String[] { rows.getString(1), rows.getString(2) });
				}
			}
		}
		try (Statement statement = target.createStatement()) {
			for (String[] sequence : sequences) {
				String literal = Identifiers.literal(sequence[0]);
				statement.execute("SELECT setval(" + literal + ", coalesce(max(" + sequence[1]
						+ "), (SELECT seqstart FROM pg_sequence WHERE seqrelid = " + literal + "::regclass)), max("
						+ sequence[1] + ") IS NOT NULL) FROM " + table.qualified());
			}
		}
	}

	/**
	 * The primary key values of the current row, or the whole row when there is no key.
	 */
	private static final class RowKey implements Strategy.Row {

		private final int[] columns;

		private byte[] row;

		private int[] bounds;

		private String key;

		RowKey(int[] columns) {
			this.columns = columns;
		}

		void reset(byte[] row, int[] bounds) {
			this.row = row;
			this.bounds = bounds;
			this.key = null;
		}

		@Override
		public String key() {
			if (this.key == null) {
				if (this.columns.length == 0) {
					this.key = new String(this.row, java.nio.charset.StandardCharsets.UTF_8);
				}
				else {
					StringBuilder key = new StringBuilder();
					for (int column : this.columns) {
						key.append(new String(this.row, this.bounds[2 * column],
								this.bounds[2 * column + 1] - this.bounds[2 * column],
								java.nio.charset.StandardCharsets.UTF_8))
							.append('\t');
					}
					this.key = key.toString();
				}
			}
			return this.key;
		}

	}

}
