package dev.confiture.core.diff;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.Constraint;
import dev.confiture.core.catalog.ObjectId;
import dev.confiture.core.catalog.ReplicaIdentity;

/**
 * Plans a table's {@code REPLICA IDENTITY}: set when it appears or changes, or when the
 * table or the index it names is created again; back to {@code DEFAULT} when it goes
 * while the table stays.
 */
final class ReplicaIdentityChanges {

	private final Planner planner;

	private final Catalog from;

	ReplicaIdentityChanges(Planner planner, Catalog from) {
		this.planner = planner;
		this.from = from;
	}

	void emit(ReplicaIdentity before, ReplicaIdentity after) {
		boolean tableGone = before != null && this.planner.isGoneObject(ObjectId.of("table", before.table()));
		boolean indexGone = before != null && before.index() != null && isIndexGone(before.index());
		if (before != null && !tableGone && (after == null || (!before.equals(after) && indexGone))) {
			this.planner.newChange("reset replica identity of " + before.table(), Priority.DROP_TRIGGER)
				.sql("ALTER TABLE " + before.table() + " REPLICA IDENTITY DEFAULT")
				.removes(before.id());
		}
		if (after != null && (before == null || !before.equals(after) || tableGone || indexGone)) {
			Change change = this.planner.newChange("set replica identity of " + after.table(), Priority.ALTER_TABLE)
				.sql("ALTER TABLE " + after.table() + " REPLICA IDENTITY " + after.clause())
				.provides(after.id())
				.requires(ObjectId.of("table", after.table()));
			if (after.index() != null) {
				change.requires(ObjectId.of("index", after.index()));
			}
		}
	}

	/** Whether the index, or the constraint it backs, is dropped or created again. */
	private boolean isIndexGone(String index) {
		ObjectId id = ObjectId.of("index", index);
		if (this.from.get(id) != null) {
			return this.planner.isGoneObject(id);
		}
		for (Constraint constraint : this.from.all(Constraint.class)) {
			if (id.equals(constraint.index())) {
				return this.planner.isGoneObject(constraint.id());
			}
		}
		return false;
	}

}
