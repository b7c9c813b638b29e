package dev.confiture.core.diff;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogObject;
import dev.confiture.core.catalog.Column;
import dev.confiture.core.catalog.Constraint;
import dev.confiture.core.catalog.ObjectId;
import dev.confiture.core.catalog.ReplicaIdentity;
import dev.confiture.core.catalog.Sequence;
import dev.confiture.core.catalog.Table;

/**
 * The changes that concern partitions and the objects around them: the column settings a
 * partition holds on its own ({@code NOT NULL}, {@code DEFAULT}), a partition's columns
 * seen as a whole when it is attached or detached, a partition dropped while a foreign
 * key references its parent, the sequences owned by a table that is created again, and
 * replica identities.
 */
final class PartitionChanges {

	private final Planner planner;

	private final Catalog from;

	private final Catalog to;

	private final AttachedIndexChanges attached;

	PartitionChanges(Planner planner, Catalog from, Catalog to) {
		this.planner = planner;
		this.from = from;
		this.to = to;
		this.attached = new AttachedIndexChanges(planner, from, to);
	}

	AttachedIndexChanges attached() {
		return this.attached;
	}

	/**
	 * A partition with every column it has, its own settings over its parent's (a table
	 * that is not a partition is returned as it is).
	 * @param catalog the catalog the table belongs to
	 * @param table the table
	 * @return the table with all its columns
	 */
	static Table effective(Catalog catalog, Table table) {
		if (table.partitionOf() == null || !(catalog.get(tableId(table.partitionOf())) instanceof Table parent)) {
			return table;
		}
		Map<String, Column> columns = new LinkedHashMap<>();
		for (Column column : effective(catalog, parent).columns().values()) {
			Column own = table.columns().get(column.name());
			columns.put(column.name(),
					new Column(column.name(), column.type(), column.collation(),
							(own != null) ? own.notNull() : column.notNull(),
							(own != null) ? own.defaultExpression() : column.defaultExpression(), null, null,
							column.generated(), column.generationExpression()));
		}
		return new Table(table.name(), columns, table.unlogged(), table.partitionKey(), table.partitionOf(),
				table.partitionBound(), table.inherits(), table.rowSecurity(), table.forceRowSecurity(),
				table.options());
	}

	Table effectiveBefore(Table table) {
		return effective(this.from, table);
	}

	Table effectiveAfter(Table table) {
		return effective(this.to, table);
	}

	/**
	 * The column list of {@code CREATE TABLE ... PARTITION OF}: the partition's own
	 * settings.
	 * @param table a partition of the target catalog
	 * @return the list, with parentheses, or an empty string
	 */
	String partitionColumns(Table table) {
		List<String> columns = new ArrayList<>();
		for (Column column : table.columns().values()) {
			StringBuilder definition = new StringBuilder();
			if (column.defaultExpression() != null) {
				definition.append(" DEFAULT ").append(column.defaultExpression());
			}
			if (column.notNull()) {
				definition.append(" NOT NULL");
			}
			if (!definition.isEmpty()) {
				columns.add(column.name() + " WITH OPTIONS" + definition);
			}
		}
		return columns.isEmpty() ? "" : " (" + String.join(", ", columns) + ")";
	}

	/**
	 * Completes the creation of a partition: defaults of the parent that the partition
	 * does not have are dropped, and the partition is created after its parent's columns
	 * change (a parent's {@code SET DEFAULT} reaches every partition).
	 * @param change the change that creates the partition
	 * @param table a partition of the target catalog
	 */
	void completePartition(Change change, Table table) {
		if (!(this.to.get(tableId(table.partitionOf())) instanceof Table parent)) {
			return;
		}
		Table whole = effective(this.to, parent);
		for (Column column : table.columns().values()) {
			Column inherited = whole.columns().get(column.name());
			change.requires(parent.columnId(column.name()));
			if (column.defaultExpression() == null && inherited != null && inherited.defaultExpression() != null) {
				change.sql("ALTER TABLE " + table.name() + " ALTER COLUMN " + column.name() + " DROP DEFAULT");
			}
		}
	}

	/**
	 * Plans the column settings of a table that stays a partition of the same parent. A
	 * parent's column change reaches every partition, so a partition's own setting is
	 * written again after it.
	 * @param before the partition in the source catalog
	 * @param after the partition in the target catalog
	 * @return whether the table was such a partition (and its columns are planned)
	 */
	boolean emitColumns(Table before, Table after) {
		if (before.partitionOf() == null || !before.partitionOf().equals(after.partitionOf())
				|| !(this.from.get(tableId(before.partitionOf())) instanceof Table oldParent)
				|| !(this.to.get(tableId(after.partitionOf())) instanceof Table newParent)) {
			return false;
		}
		Table a = effective(this.from, before);
		Table b = effective(this.to, after);
		Map<String, Column> oldParentColumns = effective(this.from, oldParent).columns();
		Map<String, Column> newParentColumns = effective(this.to, newParent).columns();
		for (Column next : b.columns().values()) {
			Column previous = a.columns().get(next.name());
			Column parentBefore = oldParentColumns.get(next.name());
			Column parentAfter = newParentColumns.get(next.name());
			if (parentAfter == null) {
				continue;
			}
			ObjectId parentColumn = newParent.columnId(next.name());
			boolean recreated = previous == null || parentBefore == null || this.planner.isGoneColumn(parentColumn);
			boolean retyped = !recreated && (!parentBefore.type().equals(parentAfter.type())
					|| !Objects.equals(parentBefore.collation(), parentAfter.collation()));
			boolean notNull = (recreated || parentBefore.notNull() != parentAfter.notNull()) ? parentAfter.notNull()
					: previous.notNull();
			String defaultExpression = (recreated || retyped || this.planner.isEnumColumn(parentColumn)
					|| !Objects.equals(parentBefore.defaultExpression(), parentAfter.defaultExpression()))
							? parentAfter.defaultExpression() : previous.defaultExpression();
			// From PostgreSQL 18 a partition keeps a NOT NULL of its own when the
			// parent's goes
			boolean keptNotNull = !recreated && parentBefore.notNull() && !parentAfter.notNull();
			String alter = "ALTER TABLE " + after.name() + " ALTER COLUMN " + next.name() + " ";
			Change change = new Change("alter column " + after.name() + "." + next.name(), Priority.ALTER_COLUMN, 0);
			if (!Objects.equals(defaultExpression, next.defaultExpression())) {
				change.sql(alter + ((next.defaultExpression() != null) ? "SET DEFAULT " + next.defaultExpression()
						: "DROP DEFAULT"));
			}
			if (next.notNull() && !notNull) {
				change.sql(alter + "SET NOT NULL")
					.hazard(HazardType.BLOCKING_LOCK, "SET NOT NULL on " + after.name() + "." + next.name()
							+ " scans the partition under an ACCESS EXCLUSIVE lock");
			}
			else if (!next.notNull() && (notNull || keptNotNull)) {
				change.sql(alter + "DROP NOT NULL");
			}
			if (!change.statements.isEmpty()) {
				ObjectId id = after.columnId(next.name());
				Change added = this.planner.newChange(change.description, Priority.ALTER_COLUMN)
					.removes(id)
					.provides(id)
					.requires(parentColumn);
				added.statements.addAll(change.statements);
				added.hazards.addAll(change.hazards);
			}
		}
		return true;
	}

	/**
	 * Plans an object this class takes care of.
	 * @param id the object's identity
	 * @return whether it was planned here
	 */
	boolean emit(ObjectId id) {
		if (this.attached.emit(id)) {
			return true;
		}
		CatalogObject before = this.from.get(id);
		CatalogObject after = this.to.get(id);
		if (before instanceof ReplicaIdentity || after instanceof ReplicaIdentity) {
			new ReplicaIdentityChanges(this.planner, this.from).emit((ReplicaIdentity) before, (ReplicaIdentity) after);
			return true;
		}
		if (before instanceof Table partition && after instanceof Table next && partition.equals(next)
				&& partition.partitionOf() != null && !this.planner.isGoneObject(id)) {
			new TableChanges(this.planner, partition, next).emit();
			return true;
		}
		if (before instanceof Table partition && after == null && partition.partitionOf() != null
				&& this.to.get(tableId(partition.partitionOf())) != null
				&& !this.planner.isGoneObject(tableId(partition.partitionOf()))
				&& isReferenced(tableId(partition.partitionOf()))) {
			Change drop = this.planner.dropChange(partition);
			drop.statements.add(0, "ALTER TABLE " + partition.partitionOf() + " DETACH PARTITION " + partition.name());
			return true;
		}
		return false;
	}

	/**
	 * Whether a foreign key references the table or one of its ancestors: its partitions
	 * cannot be dropped while they are attached.
	 */
	private boolean isReferenced(ObjectId tableId) {
		for (Constraint constraint : this.from.all(Constraint.class)) {
			if (constraint.isForeignKey()) {
				for (ObjectId referenced : this.from.dependencies().references(constraint.id())) {
					if (referenced.equals(tableId) || tableId.equals(this.from.dependencies().tableOf(referenced))) {
						return true;
					}
				}
			}
		}
		return this.from.get(tableId) instanceof Table table && table.partitionOf() != null
				&& isReferenced(tableId(table.partitionOf()));
	}

	private static ObjectId tableId(String name) {
		return ObjectId.of("table", name);
	}

	/**
	 * Keeps the sequences owned by the columns of tables that are dropped and created
	 * again (a partitioning change): the sequence is released before the drop and owned
	 * by the new column after the creation, so it keeps its value.
	 */
	void keepOwnedSequences() {
		for (Sequence sequence : this.from.all(Sequence.class)) {
			if (sequence.ownedBy() == null || !(this.to.get(sequence.id()) instanceof Sequence next)
					|| !sequence.ownedBy().equals(next.ownedBy())) {
				continue;
			}
			ObjectId columnId = ObjectId.column(sequence.ownedBy());
			ObjectId tableId = this.from.dependencies().tableOf(columnId);
			if (tableId == null || !this.planner.isGoneObject(tableId) || this.to.get(tableId) == null) {
				continue;
			}
			this.planner
				.newChange("release sequence " + sequence.name() + " from " + sequence.ownedBy(),
						Priority.DROP_FOREIGN_KEY)
				.sql("ALTER SEQUENCE " + sequence.name() + " OWNED BY NONE")
				.provides("release " + columnId);
			this.planner
				.newChange("set owner of sequence " + sequence.name() + " to " + sequence.ownedBy(), Priority.OWNED_BY)
				.sql("ALTER SEQUENCE " + sequence.name() + " OWNED BY " + sequence.ownedBy())
				.requires(columnId);
		}
	}

}
