package dev.confiture.core.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogObject;
import dev.confiture.core.catalog.Collation;
import dev.confiture.core.catalog.Column;
import dev.confiture.core.catalog.Comment;
import dev.confiture.core.catalog.Constraint;
import dev.confiture.core.catalog.DomainType;
import dev.confiture.core.catalog.EnumType;
import dev.confiture.core.catalog.Index;
import dev.confiture.core.catalog.ObjectId;
import dev.confiture.core.catalog.Policy;
import dev.confiture.core.catalog.Routine;
import dev.confiture.core.catalog.Table;
import dev.confiture.core.catalog.Trigger;
import dev.confiture.core.catalog.View;

/**
 * Which objects of the source are gone from the plan's point of view: dropped, or dropped
 * and created again because they changed in a way that cannot be altered or because
 * something they depend on is dropped or retyped; which columns are dropped or change
 * type; which columns move to an enum type or a collation created again.
 */
final class Replacements {

	private final Catalog from;

	private final Catalog to;

	private final Set<ObjectId> replaced = new HashSet<>();

	private final Set<ObjectId> goneColumns = new HashSet<>();

	private final Set<ObjectId> retypedColumns = new HashSet<>();

	private final Map<ObjectId, List<ObjectId>> enumColumns = new LinkedHashMap<>();

	private final Map<ObjectId, List<ObjectId>> owned = new HashMap<>();

	private final Map<ObjectId, List<ObjectId>> collationColumns = new HashMap<>();

	Replacements(Catalog from, Catalog to) {
		this.from = from;
		this.to = to;
	}

	/**
	 * Records which objects of the source belong to which (constraints to tables, ...).
	 */
	void collectOwned() {
		for (CatalogObject object : this.from.objects().values()) {
			ObjectId owner = owner(this.from, object);
			if (owner != null) {
				this.owned.computeIfAbsent(owner, (key) -> new ArrayList<>()).add(object.id());
			}
		}
	}

	/** Works out what is replaced and which columns are dropped or retyped. */
	void classify() {
		for (CatalogObject before : this.from.objects().values()) {
			CatalogObject after = this.to.get(before.id());
			if (after != null && !before.equals(after) && needsReplace(before, after)) {
				this.replaced.add(before.id());
			}
		}
		for (Table before : this.from.all(Table.class)) {
			if (!(this.to.get(before.id()) instanceof Table after) || this.replaced.contains(before.id())) {
				continue;
			}
			before = PartitionChanges.effective(this.from, before);
			after = PartitionChanges.effective(this.to, after);
			for (Column column : before.columns().values()) {
				Column next = after.columns().get(column.name());
				ObjectId id = before.columnId(column.name());
				if (next == null || generationChanged(column, next)) {
					this.goneColumns.add(id);
				}
				else if (!column.type().equals(next.type()) || !Objects.equals(column.collation(), next.collation())) {
					this.retypedColumns.add(id);
				}
			}
		}
		for (Collation before : this.from.all(Collation.class)) {
			if (this.to.get(before.id()) instanceof Collation after && !before.equals(after)) {
				List<ObjectId> columns = CollationChanges.keptColumns(this.from, this.to, before, this::isGone);
				this.collationColumns.put(before.id(), columns);
				this.retypedColumns.addAll(columns);
			}
		}
		for (EnumType before : this.from.all(EnumType.class)) {
			if (this.to.get(before.id()) instanceof EnumType after && !before.equals(after)
					&& !NewEnumValues.addsValuesOnly(this.from, this.to, before, after)) {
				List<ObjectId> columns = new ArrayList<>();
				for (ObjectId dependent : this.from.dependencies().dependents(before.id())) {
					ObjectId table = this.from.dependencies().tableOf(dependent);
					if (table != null && this.to.get(table) instanceof Table next && !isGone(table)
							&& !this.goneColumns.contains(dependent) && !this.retypedColumns.contains(dependent)
							&& next.columns().containsKey(dependent.member())) {
						columns.add(dependent);
					}
				}
				this.enumColumns.put(before.id(), columns);
			}
		}
	}

	private static boolean needsReplace(CatalogObject before, CatalogObject after) {
		if (before.getClass() != after.getClass()) {
			return true;
		}
		if (before instanceof Table a && after instanceof Table b) {
			return !Objects.equals(a.partitionKey(), b.partitionKey());
		}
		if (before instanceof DomainType a && after instanceof DomainType b) {
			return !a.baseType().equals(b.baseType()) || !Objects.equals(a.collation(), b.collation());
		}
		if (before instanceof Constraint a && after instanceof Constraint b) {
			return !a.definition().equals(b.definition()) || !a.type().equals(b.type())
					|| (a.validated() && !b.validated());
		}
		if (before instanceof Routine a && after instanceof Routine b) {
			return a.procedure() != b.procedure() || !a.arguments().equals(b.arguments())
					|| !Objects.equals(a.result(), b.result());
		}
		if (before instanceof Trigger a && after instanceof Trigger b) {
			return !a.definition().equals(b.definition());
		}
		return before instanceof Index || before instanceof View || before instanceof Policy;
	}

	private static boolean generationChanged(Column before, Column after) {
		if (before.generated() == null && after.generated() == null) {
			return false;
		}
		if (before.generated() != null && after.generated() == null) {
			return !"STORED".equals(before.generated()) || !before.type().equals(after.type());
		}
		return !Objects.equals(before.generated(), after.generated())
				|| !Objects.equals(before.generationExpression(), after.generationExpression())
				|| !before.type().equals(after.type());
	}

	/**
	 * Objects that depend on something that is dropped (or on a column whose type
	 * changes) must be dropped first and created again.
	 */
	void closure() {
		Deque<ObjectId> queue = new ArrayDeque<>();
		Set<ObjectId> seen = new HashSet<>();
		for (CatalogObject object : this.from.objects().values()) {
			if (isGone(object.id())) {
				queue.add(object.id());
				if (object instanceof Table table) {
					table.columns().keySet().forEach((column) -> queue.add(table.columnId(column)));
				}
			}
		}
		queue.addAll(this.goneColumns);
		queue.addAll(this.retypedColumns);
		this.enumColumns.forEach((type, columns) -> {
			queue.add(type);
			queue.addAll(columns);
		});
		while (!queue.isEmpty()) {
			ObjectId gone = queue.poll();
			if (!seen.add(gone)) {
				continue;
			}
			boolean retyped = this.retypedColumns.contains(gone) && !this.goneColumns.contains(gone);
			for (ObjectId dependent : this.from.dependencies().dependents(gone)) {
				CatalogObject object = this.from.get(dependent);
				if (object == null || this.to.get(dependent) == null || isGone(dependent)) {
					if (object != null) {
						queue.add(dependent);
					}
					continue;
				}
				if (retyped && (object instanceof Index || object instanceof Constraint)) {
					continue;
				}
				if (object instanceof Table table && table.partitionOf() != null) {
					this.replaced.add(dependent);
					queue.add(dependent);
					table.columns().keySet().forEach((column) -> queue.add(table.columnId(column)));
				}
				else if (object instanceof View || object instanceof Routine || object instanceof Trigger
						|| object instanceof Policy || object instanceof Index || object instanceof Constraint) {
					this.replaced.add(dependent);
					queue.add(dependent);
				}
			}
			for (ObjectId child : this.owned.getOrDefault(gone, List.of())) {
				queue.add(child);
			}
		}
	}

	/**
	 * Whether the object (or column) of the source is dropped, maybe to be created again.
	 */
	boolean isGone(ObjectId id) {
		ObjectId table = this.from.dependencies().tableOf(id);
		if (table != null) {
			return this.goneColumns.contains(id) || isGone(table);
		}
		CatalogObject object = this.from.get(id);
		if (object == null) {
			return false;
		}
		return this.to.get(id) == null || this.replaced.contains(id) || ownerGone(object);
	}

	boolean isReplaced(ObjectId id) {
		return this.replaced.contains(id);
	}

	/** Whether the table (or view) the object belongs to is dropped. */
	boolean ownerGone(CatalogObject object) {
		ObjectId owner = owner(this.from, object);
		return owner != null && isGone(owner);
	}

	boolean isGoneColumn(ObjectId columnId) {
		return this.goneColumns.contains(columnId);
	}

	boolean isEnumColumn(ObjectId columnId) {
		return this.enumColumns.values().stream().anyMatch((columns) -> columns.contains(columnId));
	}

	/** The columns moved to the enum type created again. */
	List<ObjectId> enumColumns(ObjectId type) {
		return this.enumColumns.get(type);
	}

	/** The columns moved to the collation created again. */
	List<ObjectId> collationColumns(ObjectId collation) {
		return this.collationColumns.get(collation);
	}

	/** The objects of the source that belong to the given one. */
	List<ObjectId> owned(ObjectId owner) {
		return this.owned.getOrDefault(owner, List.of());
	}

	/**
	 * Foreign keys of a dropped table that reference another table are dropped on their
	 * own first, so that tables referencing each other can be dropped.
	 */
	boolean isDroppedFirst(CatalogObject object, boolean ownerGone) {
		return ownerGone && object instanceof Constraint constraint && constraint.isForeignKey()
				&& referencesOtherTable(constraint);
	}

	private boolean referencesOtherTable(Constraint constraint) {
		for (ObjectId referenced : this.from.dependencies().references(constraint.id())) {
			ObjectId table = this.from.dependencies().tableOf(referenced);
			if (table != null && !table.equals(ObjectId.of("table", constraint.table()))) {
				return true;
			}
		}
		return false;
	}

	static ObjectId owner(Catalog catalog, CatalogObject object) {
		if (object instanceof Constraint constraint) {
			return ObjectId.of("table", constraint.table());
		}
		if (object instanceof Index index) {
			return relation(catalog, index.table());
		}
		if (object instanceof Trigger trigger) {
			return relation(catalog, trigger.table());
		}
		if (object instanceof Policy policy) {
			return ObjectId.of("table", policy.table());
		}
		if (object instanceof Comment comment) {
			return comment.target();
		}
		return null;
	}

	private static ObjectId relation(Catalog catalog, String name) {
		for (String kind : List.of("table", "view", "materialized view")) {
			if (catalog.get(ObjectId.of(kind, name)) != null) {
				return ObjectId.of(kind, name);
			}
		}
		return ObjectId.of("table", name);
	}

}
