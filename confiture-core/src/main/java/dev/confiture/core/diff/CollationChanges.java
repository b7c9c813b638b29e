package dev.confiture.core.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.Collation;
import dev.confiture.core.catalog.Column;
import dev.confiture.core.catalog.ObjectId;
import dev.confiture.core.catalog.Table;
import dev.confiture.core.internal.Identifiers;

/**
 * Collations created with {@code CREATE COLLATION}: created before the columns that use
 * them, dropped after them, and, since a collation cannot be altered, created again when
 * its options change. Columns that keep using a changed collation move to the new one in
 * the same step (the old one is renamed out of the way first and dropped last); views on
 * them are dropped and created again around it.
 */
final class CollationChanges {

	private CollationChanges() {
	}

	/** The columns that use the collation on both sides, on tables that stay. */
	static List<ObjectId> keptColumns(Catalog from, Catalog to, Collation collation, Predicate<ObjectId> gone) {
		List<ObjectId> columns = new ArrayList<>();
		for (ObjectId dependent : from.dependencies().dependents(collation.id())) {
			ObjectId tableId = from.dependencies().tableOf(dependent);
			if (tableId == null || gone.test(tableId) || gone.test(dependent)
					|| !(from.get(tableId) instanceof Table before) || !(to.get(tableId) instanceof Table after)) {
				continue;
			}
			String name = dependent.member();
			Column old = before.columns().get(name);
			Column next = after.columns().get(name);
			if (old != null && next != null && collation.name().equals(next.collation())
					&& Objects.equals(old.collation(), next.collation()) && old.type().equals(next.type())) {
				columns.add(dependent);
			}
		}
		return columns;
	}

	static void create(Planner planner, Collation collation) {
		planner.newChange("create collation " + collation.name(), Priority.CREATE_TYPE)
			.sql("CREATE COLLATION " + collation.name() + " (" + collation.options() + ")")
			.provides(collation.id());
	}

	static void drop(Planner planner, Collation collation) {
		planner.newChange("drop collation " + collation.name(), Priority.DROP_TYPE)
			.sql("DROP COLLATION " + collation.name())
			.removes(collation.id());
	}

	static void recreate(Planner planner, Catalog from, Collation after, List<ObjectId> columns) {
		String[] parts = Identifiers.splitQualified(after.name());
		String renamed = Names.quote(Names.unquote(parts[1]) + "__old");
		Change change = planner
			.newChange("recreate collation " + after.name() + " with " + after.options(), Priority.CREATE_TYPE)
			.sql("ALTER COLLATION " + after.name() + " RENAME TO " + renamed)
			.sql("CREATE COLLATION " + after.name() + " (" + after.options() + ")")
			.removes(after.id())
			.provides(after.id());
		for (ObjectId columnId : columns) {
			Table table = (Table) from.get(from.dependencies().tableOf(columnId));
			Column column = table.columns().get(columnId.member());
			change
				.sql("ALTER TABLE " + table.name() + " ALTER COLUMN " + column.name() + " TYPE " + column.type()
						+ " COLLATE " + after.name())
				.removes(columnId)
				.provides(columnId);
		}
		change.sql("DROP COLLATION " + ((parts[0] != null) ? parts[0] + "." : "") + renamed);
		if (!columns.isEmpty()) {
			change.hazard(HazardType.TABLE_REWRITE, "columns using collation " + after.name()
					+ " move to its new definition: their indexes are rebuilt under an ACCESS EXCLUSIVE lock");
		}
	}

}
