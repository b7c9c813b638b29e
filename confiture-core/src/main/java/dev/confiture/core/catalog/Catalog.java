package dev.confiture.core.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable snapshot of a database's schema, read from {@code pg_catalog} by
 * {@link CatalogReader}. Objects are keyed by {@link CatalogObject#id() identity}, never
 * by OID, and carry PostgreSQL's own canonical text. Two catalogs are equal when their
 * objects are; column order and dependencies are not compared.
 */
public final class Catalog {

	private final Map<ObjectId, CatalogObject> objects;

	private final Dependencies dependencies;

	Catalog(List<? extends CatalogObject> objects, Dependencies dependencies) {
		Map<ObjectId, CatalogObject> byId = new LinkedHashMap<>();
		for (CatalogObject object : objects) {
			byId.put(object.id(), object);
		}
		this.objects = Collections.unmodifiableMap(byId);
		this.dependencies = dependencies;
	}

	/** Every object by identity. */
	public Map<ObjectId, CatalogObject> objects() {
		return this.objects;
	}

	/**
	 * The object with the given identity.
	 * @param id the identity
	 * @return the object, or {@code null}
	 */
	public CatalogObject get(ObjectId id) {
		return this.objects.get(id);
	}

	/**
	 * The objects of one type.
	 * @param <T> the type
	 * @param type the type
	 * @return the objects in reading order
	 */
	public <T extends CatalogObject> List<T> all(Class<T> type) {
		List<T> result = new ArrayList<>();
		for (CatalogObject object : this.objects.values()) {
			if (type.isInstance(object)) {
				result.add(type.cast(object));
			}
		}
		return result;
	}

	/**
	 * The objects that match, with the same dependencies.
	 * @param keep which objects to keep
	 * @return a new catalog
	 */
	public Catalog filter(java.util.function.Predicate<CatalogObject> keep) {
		return new Catalog(this.objects.values().stream().filter(keep).toList(), this.dependencies);
	}

	/** The dependencies between the objects. */
	public Dependencies dependencies() {
		return this.dependencies;
	}

	@Override
	public boolean equals(Object other) {
		return (this == other) || (other instanceof Catalog that && this.objects.equals(that.objects));
	}

	@Override
	public int hashCode() {
		return Objects.hash(this.objects);
	}

	@Override
	public String toString() {
		return "Catalog of " + this.objects.size() + " objects";
	}

}
