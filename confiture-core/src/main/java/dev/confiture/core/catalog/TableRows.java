package dev.confiture.core.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.confiture.core.catalog.CatalogQuery.strings;

/**
 * Reads tables and their columns: a partition keeps only the column settings it holds on
 * its own ({@link PartitionCatalog#partitionColumns}).
 */
final class TableRows {

	private final Map<Long, String> names = new HashMap<>();

	private final Map<Long, Map<String, Column>> columns = new HashMap<>();

	private final Map<Long, Map<String, Column>> allColumns = new HashMap<>();

	private final List<TableRow> rows = new ArrayList<>();

	void tables(ResultSet rs) throws SQLException {
		while (rs.next()) {
			long oid = rs.getLong("oid");
			this.names.put(oid, rs.getString("name"));
			this.columns.put(oid, new LinkedHashMap<>());
			this.rows.add(new TableRow(oid, rs.getString("name"), rs.getBoolean("unlogged"),
					rs.getString("partition_key"), rs.getString("partition_of"), rs.getString("partition_bound"),
					strings(rs.getArray("inherits")), rs.getBoolean("relrowsecurity"),
					rs.getBoolean("relforcerowsecurity"), strings(rs.getArray("options"))));
		}
	}

	void columns(ResultSet rs, Dependencies dependencies) throws SQLException {
		while (rs.next()) {
			long oid = rs.getLong("attrelid");
			String table = this.names.get(oid);
			if (table == null) {
				continue;
			}
			String name = rs.getString("name");
			dependencies.addColumn(ObjectId.column(table, name), ObjectId.of("table", table));
			Column column = new Column(name, rs.getString("type"), rs.getString("collation"),
					rs.getBoolean("attnotnull"), rs.getString("default_expression"), rs.getString("identity"),
					rs.getString("identity_options"), rs.getString("generated"), rs.getString("generation_expression"));
			this.allColumns.computeIfAbsent(oid, (key) -> new LinkedHashMap<>()).put(name, column);
			if (rs.getBoolean("attislocal")) {
				this.columns.get(oid).put(name, column);
			}
		}
	}

	void addTables(List<CatalogObject> objects) {
		Map<String, Long> oids = new HashMap<>();
		this.names.forEach((oid, name) -> oids.put(name, oid));
		for (TableRow row : this.rows) {
			Map<String, Column> tableColumns = this.columns.get(row.oid());
			if (row.partitionOf() != null && oids.containsKey(row.partitionOf())) {
				tableColumns = PartitionCatalog.partitionColumns(this.allColumns.getOrDefault(row.oid(), Map.of()),
						this.allColumns.getOrDefault(oids.get(row.partitionOf()), Map.of()));
			}
			objects.add(new Table(row.name(), tableColumns, row.unlogged(), row.partitionKey(), row.partitionOf(),
					row.partitionBound(), row.inherits(), row.rowSecurity(), row.forceRowSecurity(), row.options()));
		}
	}

	private record TableRow(long oid, String name, boolean unlogged, String partitionKey, String partitionOf,
			String partitionBound, List<String> inherits, boolean rowSecurity, boolean forceRowSecurity,
			List<String> options) {

	}

}
