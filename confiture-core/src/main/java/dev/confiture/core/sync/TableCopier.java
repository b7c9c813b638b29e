package dev.confiture.core.sync;

import java.io.ByteArrayOutputStream;
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

/**
 * Streams one table from the source to the target: {@code COPY ... TO STDOUT} read row by row
 * (PostgreSQL sends one row per message), the anonymised columns replaced, and the rows
 * written in 64 KiB chunks to {@code COPY ... FROM STDIN}. Memory stays bounded whatever the
 * size of the table. Text format: rows without rules pass through as bytes, and a rule needs
 * to decode only its own field, which the binary format would make type-specific.
 */
final class TableCopier {

	private static final int CHUNK = 64 * 1024;

	private static final long PROGRESS_EVERY = 50_000;

	private final Keyed keyed;

	TableCopier(Keyed keyed) {
		this.keyed = keyed;
	}

	/**
	 * Copies the table's rows. The target transaction is the caller's: nothing is committed.
	 * @return the rows and bytes written
	 */
	long[] copy(Connection source, Connection target, SourceTable table, String where,
			Map<String, Strategy> strategies, PlannedTable planned, SyncListener listener) throws SQLException {
		Strategy[] rules = new Strategy[table.columns().size()];
		boolean rowKey = false;
		for (Map.Entry<String, Strategy> rule : strategies.entrySet()) {
			int index = table.indexOf(rule.getKey());
			if (index >= 0 && !rule.getKey().isEmpty()) {
				rules[index] = rule.getValue();
				rowKey |= rule.getValue().needsRowKey();
			}
		}
		boolean transform = java.util.Arrays.stream(rules).anyMatch((rule) -> rule != null);
		int[] keyColumns = keyColumns(table);
		String select = "SELECT " + table.columnList() + " FROM " + table.qualified()
				+ ((where != null) ? " WHERE " + where : "");
		CopyManager sourceCopy = source.unwrap(PGConnection.class).getCopyAPI();
		CopyManager targetCopy = target.unwrap(PGConnection.class).getCopyAPI();
		CopyOut out = sourceCopy.copyOut("COPY (" + select + ") TO STDOUT");
		CopyIn in = null;
		try {
			in = targetCopy.copyIn("COPY " + table.qualified() + " (" + table.columnList() + ") FROM STDIN");
			byte[] chunk = new byte[CHUNK * 2];
			int used = 0;
			long rows = 0;
			long bytes = 0;
			int[] bounds = new int[2 * rules.length + 2];
			ByteArrayOutputStream rewritten = new ByteArrayOutputStream(256);
			RowKey key = new RowKey(keyColumns);
			byte[] row;
			while ((row = out.readFromCopy()) != null) {
				byte[] data = row;
				int length = row.length;
				if (transform) {
					rewritten.reset();
					rewrite(row, rules, bounds, rowKey ? key : null, rewritten);
					data = rewritten.toByteArray();
					length = data.length;
				}
				if (used + length > chunk.length) {
					if (used > 0) {
						in.writeToCopy(chunk, 0, used);
						used = 0;
					}
					if (length > chunk.length) {
						in.writeToCopy(data, 0, length);
						length = 0;
					}
				}
				System.arraycopy(data, 0, chunk, used, length);
				used += length;
				rows++;
				bytes += data.length;
				if (used >= CHUNK) {
					in.writeToCopy(chunk, 0, used);
					used = 0;
				}
				if (rows % PROGRESS_EVERY == 0) {
					listener.progress(planned, rows, bytes);
				}
			}
			if (used > 0) {
				in.writeToCopy(chunk, 0, used);
			}
			long inserted = in.endCopy();
			in = null;
			if (inserted != rows) {
				throw new SQLException("COPY into " + table.name() + " wrote " + inserted + " rows, the source sent "
						+ rows);
			}
			listener.progress(planned, rows, bytes);
			return new long[] { rows, bytes };
		}
		finally {
			if (out.isActive()) {
				out.cancelCopy();
			}
			if (in != null && in.isActive()) {
				in.cancelCopy();
			}
		}
	}

	private void rewrite(byte[] row, Strategy[] rules, int[] bounds, RowKey key, ByteArrayOutputStream result) {
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
				CopyText.encode(rule.apply(CopyText.decode(row, start, end), key), result);
			}
		}
		result.write('\n');
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
				String literal = "'" + sequence[0].replace("'", "''") + "'";
				statement.execute("SELECT setval(" + literal + ", coalesce(max(" + sequence[1]
						+ "), (SELECT seqstart FROM pg_sequence WHERE seqrelid = " + literal + "::regclass)), max("
						+ sequence[1] + ") IS NOT NULL) FROM " + table.qualified());
			}
		}
	}

	/** The primary key values of the current row, or the whole row when there is no key. */
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
								java.nio.charset.StandardCharsets.UTF_8)).append('\t');
					}
					this.key = key.toString();
				}
			}
			return this.key;
		}

	}

}
