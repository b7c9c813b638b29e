package dev.confiture.core.catalog;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What depends on what in a catalog, from {@code pg_depend}, by object identity. Rules,
 * column defaults, row types, array types and composite type attributes are mapped to the
 * object they belong to; sequence ownership is left out ({@link Sequence#ownedBy()}).
 */
public final class Dependencies {

	private final Map<ObjectId, Set<ObjectId>> references = new HashMap<>();

	private final Map<ObjectId, Set<ObjectId>> dependents = new HashMap<>();

	private final Map<ObjectId, ObjectId> columnTables = new HashMap<>();

	Dependencies() {
	}

	void add(ObjectId dependent, ObjectId referenced) {
		if (!dependent.equals(referenced)) {
			this.references.computeIfAbsent(dependent, (key) -> new LinkedHashSet<>()).add(referenced);
			this.dependents.computeIfAbsent(referenced, (key) -> new LinkedHashSet<>()).add(dependent);
		}
	}

	void addColumn(ObjectId columnId, ObjectId tableId) {
		this.columnTables.put(columnId, tableId);
	}

	/**
	 * The objects the given object depends on directly.
	 * @param id an object identity
	 * @return the identities it references, possibly empty
	 */
	public Set<ObjectId> references(ObjectId id) {
		return Collections.unmodifiableSet(this.references.getOrDefault(id, Set.of()));
	}

	/**
	 * The objects that depend directly on the given object.
	 * @param id an object identity
	 * @return the identities of its dependents, possibly empty
	 */
	public Set<ObjectId> dependents(ObjectId id) {
		return Collections.unmodifiableSet(this.dependents.getOrDefault(id, Set.of()));
	}

	/**
	 * The table that a column identity belongs to.
	 * @param columnId a column identity ({@code table column public.users.id})
	 * @return the table's identity, or {@code null} if it is not a known column
	 */
	public ObjectId tableOf(ObjectId columnId) {
		return this.columnTables.get(columnId);
	}

}
