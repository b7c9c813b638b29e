package dev.confiture.core.diff;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.Constraint;
import dev.confiture.core.catalog.Index;
import dev.confiture.core.catalog.ObjectId;

/**
 * Constraints and indexes: added (on an existing table, with the lock they take, or
 * {@code NOT VALID} then validated, or built concurrently, in an online migration),
 * dropped, and validated when they become so.
 */
final class ConstraintChanges {

	private final Planner planner;

	private final Catalog from;

	ConstraintChanges(Planner planner, Catalog from) {
		this.planner = planner;
		this.from = from;
	}

	void create(Constraint constraint) {
		boolean existingTable = !isNew(constraint.table());
		int priority = switch (constraint.type()) {
			case "f" -> Priority.CREATE_FOREIGN_KEY;
			case "c" -> Priority.CREATE_CHECK;
			default -> Priority.CREATE_KEY;
		};
		String prefix = "ALTER TABLE " + constraint.table() + " ADD CONSTRAINT " + constraint.name() + " "
				+ constraint.definition();
		Change change = this.planner
			.newChange("add constraint " + constraint.name() + " on " + constraint.table(), priority)
			.provides(constraint.id());
		if (constraint.index() != null) {
			change.provides(constraint.index(), "name " + constraint.index().qualifiedName());
		}
		boolean checked = constraint.isForeignKey() || "c".equals(constraint.type());
		if (!constraint.validated()) {
			change.sql(prefix + " NOT VALID");
		}
		else if (checked && existingTable && this.planner.options().online()) {
			change.sql(prefix + " NOT VALID")
				.sql("ALTER TABLE " + constraint.table() + " VALIDATE CONSTRAINT " + constraint.name());
		}
		else {
			change.sql(prefix);
			if (existingTable) {
				change.hazard(HazardType.BLOCKING_LOCK, checked
						? "checking every row of " + constraint.table() + " for " + constraint.name()
								+ " blocks writes (an online migration avoids it)"
						: "building the index of " + constraint.name() + " blocks writes to " + constraint.table());
			}
		}
	}

	void drop(Constraint constraint) {
		Change change = this.planner
			.newChange("drop constraint " + constraint.name() + " on " + constraint.table(),
					constraint.isForeignKey() ? Priority.DROP_FOREIGN_KEY : Priority.DROP_CONSTRAINT)
			.sql("ALTER TABLE " + constraint.table() + " DROP CONSTRAINT " + constraint.name())
			.removes(constraint.id());
		if (constraint.index() != null) {
			change.removes(constraint.index(), "name " + constraint.index().qualifiedName());
		}
	}

	/** A constraint that was {@code NOT VALID} and is valid now. */
	void validate(Constraint constraint) {
		this.planner
			.newChange("validate constraint " + constraint.name() + " on " + constraint.table(), Priority.CREATE_CHECK)
			.sql("ALTER TABLE " + constraint.table() + " VALIDATE CONSTRAINT " + constraint.name())
			.requires(ObjectId.of("table", constraint.table()));
	}

	void create(Index index) {
		boolean existingTable = !isNew(index.table());
		String sql = index.definition();
		if (index.partitioned()) {
			sql = sql.replaceFirst(" ON ONLY ", " ON ");
		}
		Change change = this.planner.newChange("create index " + index.name(), Priority.CREATE_INDEX)
			.provides(index.id(), "name " + index.name());
		if (existingTable && this.planner.options().online() && !index.partitioned()) {
			sql = sql.replaceFirst("INDEX ", "INDEX CONCURRENTLY ");
			change.concurrent = true;
		}
		else if (existingTable) {
			change.hazard(HazardType.BLOCKING_LOCK, "building index " + index.name() + " blocks writes to "
					+ index.table() + " (an online migration avoids it)");
		}
		change.sql(sql);
	}

	void drop(Index index) {
		boolean concurrently = this.planner.options().online() && !index.partitioned()
				&& !this.planner.isGoneObject(Replacements.owner(this.from, index));
		Change change = this.planner.newChange("drop index " + index.name(), Priority.DROP_INDEX)
			.sql("DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + index.name())
			.removes(index.id(), "name " + index.name());
		change.concurrent = concurrently;
	}

	/** Whether the table is created by the plan (so nothing waits on its lock). */
	private boolean isNew(String table) {
		ObjectId id = ObjectId.of("table", table);
		return this.from.get(id) == null || this.planner.isGoneObject(id);
	}

}
