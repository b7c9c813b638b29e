package dev.confiture.core.sync;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

/**
 * Streams one table from the source to the target: {@code COPY ... TO STDOUT} read row by
 * row (PostgreSQL sends one row per message) by a {@link ChunkReader} on its own thread,
 * the anonymised columns replaced, and the rows written in chunks of
 * {@value ChunkReader#CHUNK} bytes to {@code COPY ... FROM STDIN}. Memory stays bounded
 * whatever the size of the table. Rows without rules pass through as bytes, and a rule
 * decodes only its own field. The binary format when {@link CopyBinary} says the table
 * allows it (it spares both servers the text conversions), the text format otherwise.
 */
final class TableCopier {

	private static final long PROGRESS_EVERY = 50_000;

	/**
	 * Copies the table's rows. The target transaction is the caller's: nothing is
	 * committed.
	 * @param freeze whether the target table was created or truncated in the current
	 * transaction, so that the rows can be written frozen ({@code COPY ... FREEZE})
	 * @return the rows and bytes written
	 */
	long[] copy(Connection source, Connection target, SourceTable table, String where, Map<String, Strategy> strategies,
			boolean freeze, PlannedTable planned, SyncListener listener) throws SQLException {
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
				rowKey ? RowKey.columns(table) : null, binary, freeze && !table.partitioned(), planned, listener);
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
	 * @param freeze whether to write the rows frozen: only when the target table was
	 * created or truncated in the current transaction, and is not partitioned
	 * @return the rows and bytes written
	 */
	long[] stream(Connection source, Connection target, String select, String qualified, String columns, String name,
			Strategy[] rules, int[] keyColumns, int[] binary, boolean freeze, PlannedTable planned,
			SyncListener listener) throws SQLException {
		boolean transform = Arrays.stream(rules).anyMatch((rule) -> rule != null);
		String format = (binary != null) ? "FORMAT binary" : "";
		String options = (freeze) ? (format.isEmpty() ? "FREEZE" : format + ", FREEZE") : format;
		CopyOut out = source.unwrap(PGConnection.class)
			.getCopyAPI()
			.copyOut("COPY (" + select + ") TO STDOUT" + ((binary != null) ? " (" + format + ")" : ""));
		ChunkReader reader = new ChunkReader(out, transform ? rules : null, keyColumns, binary);
		Thread thread = new Thread(reader, "confiture-sync-reader");
		thread.setDaemon(true);
		CopyIn in = null;
		try {
			in = target.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY " + qualified + " (" + columns + ") FROM STDIN"
						+ (options.isEmpty() ? "" : " (" + options + ")"));
			thread.start();
			long reported = 0;
			ChunkReader.Chunk chunk;
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

}
