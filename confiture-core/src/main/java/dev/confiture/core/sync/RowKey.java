package dev.confiture.core.sync;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The primary key values of the current row of the text format, or the whole row when
 * there is no key: what a {@link Strategy#needsRowKey() row-dependent strategy} derives
 * its value from.
 */
final class RowKey implements Strategy.Row {

	private final int[] columns;

	private byte[] row;

	private int[] bounds;

	private String key;

	RowKey(int[] columns) {
		this.columns = columns;
	}

	/**
	 * The indexes of a table's primary key columns among the copied ones, for
	 * {@link #RowKey(int[])}.
	 */
	static int[] columns(SourceTable table) {
		List<Integer> indexes = new ArrayList<>();
		for (String column : table.primaryKey()) {
			int index = table.indexOf(column);
			if (index >= 0) {
				indexes.add(index);
			}
		}
		return indexes.stream().mapToInt(Integer::intValue).toArray();
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
				this.key = new String(this.row, StandardCharsets.UTF_8);
			}
			else {
				StringBuilder key = new StringBuilder();
				for (int column : this.columns) {
					key.append(new String(this.row, this.bounds[2 * column],
							this.bounds[2 * column + 1] - this.bounds[2 * column], StandardCharsets.UTF_8))
						.append('\t');
				}
				this.key = key.toString();
			}
		}
		return this.key;
	}

}
