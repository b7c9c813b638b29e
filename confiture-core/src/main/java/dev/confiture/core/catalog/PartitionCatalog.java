package dev.confiture.core.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parts of reading a catalog that concern partitions and replica identities: the
 * column settings a partition holds on its own, and {@code REPLICA IDENTITY}.
 */
final class PartitionCatalog {

	private PartitionCatalog() {
	}

	/**
	 * The columns of a partition that differ from its parent's: {@code NOT NULL} or a
	 * default declared on the partition (or left by its own primary key), or a default
	 * the partition lacks. The other columns belong to the parent, however the partition
	 * was made ({@code PARTITION OF} or {@code ATTACH PARTITION}).
	 * @param columns every column of the partition
	 * @param parentColumns every column of its parent
	 * @return the columns that carry settings of their own, with their type and those
	 * settings only
	 */
	static Map<String, Column> partitionColumns(Map<String, Column> columns, Map<String, Column> parentColumns) {
		Map<String, Column> own = new LinkedHashMap<>();
		for (Column column : columns.values()) {
			Column parent = parentColumns.get(column.name());
			if (parent == null || parent.notNull() != column.notNull()
					|| !Objects.equals(parent.defaultExpression(), column.defaultExpression())) {
				own.put(column.name(), new Column(column.name(), column.type(), column.collation(), column.notNull(),
						column.defaultExpression(), null, null, null, null));
			}
		}
		return own;
	}

	static void readReplicaIdentities(ResultSet rs, List<CatalogObject> objects) throws SQLException {
		while (rs.next()) {
			objects.add(new ReplicaIdentity(rs.getString("table_name"), rs.getString("identity"),
					rs.getString("index_name")));
		}
	}

	static void readIndexAttachments(ResultSet rs, List<CatalogObject> objects) throws SQLException {
		while (rs.next()) {
			objects.add(new IndexAttachment(rs.getString("index_name"), rs.getString("parent_name")));
		}
	}

}
