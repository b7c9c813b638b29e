package dev.confiture.core.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogObject;
import dev.confiture.core.catalog.Constraint;
import dev.confiture.core.catalog.Index;
import dev.confiture.core.catalog.IndexAttachment;
import dev.confiture.core.catalog.ObjectId;
import dev.confiture.core.catalog.Table;

/**
 * Plans the indexes and keys of partitions that are attached to their parent's
 * partitioned index. PostgreSQL makes and removes many of them itself: a parent's index
 * is built on every partition (attaching a matching index that exists, creating one
 * otherwise), {@code PARTITION OF} and {@code ATTACH PARTITION} do the same for a new
 * partition, and dropping the parent's index drops them. So an attached index is created
 * explicitly only where PostgreSQL would not (before the parent's index, so that it is
 * attached rather than duplicated), dropped explicitly only once its partition is
 * detached, and attached with {@code ALTER INDEX ... ATTACH PARTITION} when both sides
 * already exist.
 */
final class AttachedIndexChanges {

	private final Planner planner;

	private final Catalog from;

	private final Catalog to;

	private final Map<ObjectId, IndexAttachment> before = new HashMap<>();

	private final Map<ObjectId, IndexAttachment> after = new HashMap<>();

	private final Map<Catalog, Map<ObjectId, Constraint>> keys = new HashMap<>();

	AttachedIndexChanges(Planner planner, Catalog from, Catalog to) {
		this.planner = planner;
		this.from = from;
		this.to = to;
		from.all(IndexAttachment.class).forEach((attachment) -> this.before.put(index(attachment.index()), attachment));
		to.all(IndexAttachment.class).forEach((attachment) -> this.after.put(index(attachment.index()), attachment));
		for (Catalog catalog : List.of(from, to)) {
			Map<ObjectId, Constraint> byIndex = new HashMap<>();
			catalog.all(Constraint.class)
				.stream()
				.filter((constraint) -> constraint.index() != null)
				.forEach((constraint) -> byIndex.put(constraint.index(), constraint));
			this.keys.put(catalog, byIndex);
		}
	}

	/**
	 * Whether an object is an attachment or an attached index or key, which a plan that
	 * creates everything leaves to PostgreSQL.
	 * @param object an object of the target catalog
	 * @return whether it is attached
	 */
	boolean isAttached(CatalogObject object) {
		return object instanceof IndexAttachment || this.after.containsKey(indexOf(object));
	}

	/**
	 * Plans an attachment, or an index or key attached on either side.
	 * @param id the object's identity
	 * @return whether it was planned here
	 */
	boolean emit(ObjectId id) {
		CatalogObject old = this.from.get(id);
		CatalogObject next = this.to.get(id);
		if (old instanceof IndexAttachment || next instanceof IndexAttachment) {
			attach((IndexAttachment) old, (IndexAttachment) next);
			return true;
		}
		IndexAttachment attachedBefore = (old != null) ? this.before.get(indexOf(old)) : null;
		IndexAttachment attachedAfter = (next != null) ? this.after.get(indexOf(next)) : null;
		if (attachedBefore == null && attachedAfter == null) {
			return false;
		}
		boolean droppedWithParent = isDroppedWithParent(old);
		boolean tableGone = old != null && this.planner.isGoneObject(tableOf(old));
		if (old != null && this.planner.isGoneObject(id) && !droppedWithParent && !tableGone) {
			Change drop = this.planner.dropChange(old);
			if (attachedBefore != null) {
				drop.requires("detached " + tableOf(old));
			}
		}
		if (next != null && (old == null || this.planner.isGoneObject(id) || droppedWithParent)
				&& !(attachedAfter != null && isMadeByPostgres(attachedAfter, tableOf(next)))) {
			this.planner.createChange(next);
		}
		return true;
	}

	private void attach(IndexAttachment old, IndexAttachment next) {
		if (next == null) {
			return;
		}
		ObjectId child = index(next.index());
		CatalogObject index = objectOf(this.to, child);
		if (index == null || isNewIndex(index(next.parent())) || isMadeByPostgres(next, tableOf(index))) {
			return;
		}
		CatalogObject previous = objectOf(this.from, child);
		boolean recreated = previous == null || this.planner.isGoneObject(previous.id())
				|| isDroppedWithParent(previous);
		if (next.equals(old) && !recreated) {
			return;
		}
		this.planner.newChange("attach index " + next.index() + " to " + next.parent(), Priority.ALTER_TABLE)
			.sql("ALTER INDEX " + next.parent() + " ATTACH PARTITION " + next.index())
			.requires(child, index(next.parent()), index.id())
			.provides(next.id());
	}

	/**
	 * Orders the parents' indexes: one that is created comes after the partitions'
	 * indexes it attaches, one that is dropped takes its attached indexes with it.
	 */
	void finish(List<Change> changes) {
		Map<Object, List<ObjectId>> children = new HashMap<>();
		this.after.values()
			.forEach((attachment) -> children.computeIfAbsent(index(attachment.parent()), (key) -> new ArrayList<>())
				.add(index(attachment.index())));
		Map<Object, List<ObjectId>> oldChildren = new HashMap<>();
		this.before.values().forEach((attachment) -> {
			List<ObjectId> ids = oldChildren.computeIfAbsent(index(attachment.parent()), (key) -> new ArrayList<>());
			CatalogObject child = objectOf(this.from, index(attachment.index()));
			ids.add(index(attachment.index()));
			if (child != null) {
				ids.add(child.id());
			}
		});
		for (Change change : changes) {
			for (Object provided : List.copyOf(change.provides)) {
				children.getOrDefault(provided, List.of()).forEach(change::requires);
			}
			for (Object removed : List.copyOf(change.removes)) {
				oldChildren.getOrDefault(removed, List.of()).forEach(change::removes);
			}
		}
	}

	/**
	 * Whether PostgreSQL makes the attached index itself: its parent's index exists
	 * already and the partition is created, or attached, by the plan.
	 */
	private boolean isMadeByPostgres(IndexAttachment attachment, ObjectId tableId) {
		if (isNewIndex(index(attachment.parent()))) {
			return false;
		}
		if (this.from.get(tableId) == null || this.planner.isGoneObject(tableId)) {
			return true;
		}
		return this.from.get(tableId) instanceof Table old && this.to.get(tableId) instanceof Table next
				&& next.partitionOf() != null && (!Objects.equals(old.partitionOf(), next.partitionOf())
						|| !Objects.equals(old.partitionBound(), next.partitionBound()));
	}

	private boolean isDroppedWithParent(CatalogObject old) {
		IndexAttachment attachment = (old != null) ? this.before.get(indexOf(old)) : null;
		return attachment != null && isNewIndex(index(attachment.parent()));
	}

	/**
	 * Whether an index (or the key it backs) is missing from the source or dropped by the
	 * plan.
	 */
	private boolean isNewIndex(ObjectId indexId) {
		CatalogObject object = objectOf(this.from, indexId);
		return object == null || this.planner.isGoneObject(object.id());
	}

	private CatalogObject objectOf(Catalog catalog, ObjectId indexId) {
		CatalogObject index = catalog.get(indexId);
		return (index != null) ? index : this.keys.get(catalog).get(indexId);
	}

	private static ObjectId indexOf(CatalogObject object) {
		if (object instanceof Index index) {
			return index.id();
		}
		return (object instanceof Constraint constraint) ? constraint.index() : null;
	}

	private static ObjectId tableOf(CatalogObject object) {
		return ObjectId.of("table", (object instanceof Index index) ? index.table() : ((Constraint) object).table());
	}

	private static ObjectId index(String name) {
		return ObjectId.of("index", name);
	}

}
