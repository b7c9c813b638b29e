package dev.confiture.core.catalog;

/**
 * A row level security policy.
 *
 * @param table the table's schema-qualified, quoted name
 * @param name the quoted policy name
 * @param definition the {@code CREATE POLICY} statement
 */
public record Policy(String table, String name, String definition) implements CatalogObject {

	@Override
	public ObjectId id() {
		return ObjectId.on("policy", this.name, this.table);
	}

}
