package dev.confiture.core.catalog;

/**
 * An index that does not back a constraint.
 *
 * @param name the schema-qualified, quoted name
 * @param table the table's schema-qualified, quoted name
 * @param definition the {@code CREATE INDEX} statement from {@code pg_get_indexdef}
 * @param partitioned whether the index is on a partitioned table
 * @param valid whether PostgreSQL may use the index ({@code pg_index.indisvalid}): false
 * after a failed or cancelled {@code CREATE INDEX CONCURRENTLY}
 * @param ready whether the index takes inserts ({@code pg_index.indisready})
 */
public record Index(String name, String table, String definition, boolean partitioned, boolean valid,
		boolean ready) implements CatalogObject {

	/**
	 * A valid and ready index.
	 * @param name the schema-qualified, quoted name
	 * @param table the table's schema-qualified, quoted name
	 * @param definition the {@code CREATE INDEX} statement
	 * @param partitioned whether the index is on a partitioned table
	 */
	public Index(String name, String table, String definition, boolean partitioned) {
		this(name, table, definition, partitioned, true, true);
	}

	/** Whether the index is INVALID or not ready, so unusable, for messages. */
	public boolean broken() {
		return !this.valid || !this.ready;
	}

	@Override
	public ObjectId id() {
		return ObjectId.of("index", this.name);
	}

}
