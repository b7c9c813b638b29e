package dev.confiture.core.catalog;

/**
 * An index that does not back a constraint.
 *
 * @param name the schema-qualified, quoted name
 * @param table the table's schema-qualified, quoted name
 * @param definition the {@code CREATE INDEX} statement from {@code pg_get_indexdef}
 * @param partitioned whether the index is on a partitioned table
 */
public record Index(String name, String table, String definition, boolean partitioned) implements CatalogObject {

	@Override
	public String id() {
		return "index " + this.name;
	}

}
