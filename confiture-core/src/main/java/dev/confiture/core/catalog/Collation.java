package dev.confiture.core.catalog;

/**
 * A collation created with {@code CREATE COLLATION}.
 *
 * @param name the schema-qualified, quoted name
 * @param options the options clause that creates it, without parentheses, e.g.
 * {@code provider = icu, locale = 'und-u-ks-level2', deterministic = false}
 */
public record Collation(String name, String options) implements CatalogObject {

	@Override
	public ObjectId id() {
		return ObjectId.of("collation", this.name);
	}

}
