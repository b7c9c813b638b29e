package dev.confiture.core.catalog;

/**
 * An installed extension. The objects it owns are not part of the catalog.
 *
 * @param name the quoted name
 * @param schema the quoted schema it was installed in
 * @param version the installed version
 */
public record Extension(String name, String schema, String version) implements CatalogObject {

	@Override
	public ObjectId id() {
		return new ObjectId("extension", null, this.name, null);
	}

}
