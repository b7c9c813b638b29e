package dev.confiture.core.catalog;

import java.util.List;

/**
 * An installed extension. The objects it owns are not part of the catalog.
 *
 * @param name the quoted name
 * @param schema the quoted schema it was installed in
 * @param version the installed version
 * @param updatableTo the versions that {@code ALTER EXTENSION ... UPDATE TO} reaches from
 * the installed one on this server (from {@code pg_extension_update_paths}), sorted
 */
public record Extension(String name, String schema, String version, List<String> updatableTo) implements CatalogObject {

	public Extension {
		updatableTo = (updatableTo != null) ? List.copyOf(updatableTo) : List.of();
	}

	/** An extension whose update paths are not known. */
	public Extension(String name, String schema, String version) {
		this(name, schema, version, List.of());
	}

	@Override
	public ObjectId id() {
		return new ObjectId("extension", null, this.name, null);
	}

}
