package dev.confiture.core.catalog;

/**
 * A schema.
 *
 * @param name the quoted name
 */
public record Schema(String name) implements CatalogObject {

	@Override
	public ObjectId id() {
		return new ObjectId("schema", null, this.name, null);
	}

}
