package dev.confiture.core.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table (plain, partitioned or a partition). Columns are compared by name; their order
 * is kept for creation and reported separately by {@link #columnOrder()}.
 *
 * @param name the schema-qualified, quoted name
 * @param columns the columns declared on this table (not inherited ones), by quoted name,
 * in {@code attnum} order
 * @param unlogged whether {@code UNLOGGED}
 * @param partitionKey the {@code PARTITION BY} clause's content, or {@code null}
 * @param partitionOf the parent of a partition, or {@code null}
 * @param partitionBound the partition's bound ({@code FOR VALUES ...}), or {@code null}
 * @param inherits the parents of an inheritance child (not of a partition), in order
 * @param rowSecurity whether row level security is enabled
 * @param forceRowSecurity whether row level security is forced on the owner
 * @param options storage parameters ({@code name=value}), sorted
 */
public record Table(String name, Map<String, Column> columns, boolean unlogged, String partitionKey, String partitionOf,
		String partitionBound, List<String> inherits, boolean rowSecurity, boolean forceRowSecurity,
		List<String> options) implements CatalogObject {

	public Table {
		columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
		inherits = List.copyOf(inherits);
		options = List.copyOf(options);
	}

	@Override
	public ObjectId id() {
		return ObjectId.of("table", this.name);
	}

	/** The quoted column names in the order PostgreSQL stores them. */
	public List<String> columnOrder() {
		return List.copyOf(this.columns.keySet());
	}

	/**
	 * The identity of one of this table's columns.
	 * @param column the quoted column name
	 * @return the column's identity
	 */
	public ObjectId columnId(String column) {
		return ObjectId.column(this.name, column);
	}

}
