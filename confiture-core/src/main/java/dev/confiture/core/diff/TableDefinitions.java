package dev.confiture.core.diff;

import java.util.ArrayList;
import java.util.List;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.Column;
import dev.confiture.core.catalog.Constraint;
import dev.confiture.core.catalog.Index;
import dev.confiture.core.catalog.ObjectId;
import dev.confiture.core.catalog.Sequence;
import dev.confiture.core.catalog.Table;

/**
 * Tables created or dropped as a whole (a partition included), and what a dropped table
 * or column takes along: its constraints, indexes and owned sequences. A table that stays
 * is altered by {@link TableChanges}.
 */
final class TableDefinitions {

	private final Planner planner;

	private final Catalog from;

	TableDefinitions(Planner planner, Catalog from) {
		this.planner = planner;
		this.from = from;
	}

	void create(Table table) {
		StringBuilder sql = new StringBuilder("CREATE ").append(table.unlogged() ? "UNLOGGED " : "")
			.append("TABLE ")
			.append(table.name());
		Change change = this.planner.newChange("create table " + table.name(), Priority.CREATE_TABLE)
			.provides(table.id(), "name " + table.name());
		if (table.partitionOf() != null) {
			sql.append(" PARTITION OF ").append(table.partitionOf());
			sql.append(this.planner.partitions().partitionColumns(table));
			sql.append(' ').append(table.partitionBound());
		}
		else {
			List<String> columns = new ArrayList<>();
			table.columns().values().forEach((column) -> columns.add("\t" + column.definition()));
			sql.append(" (\n").append(String.join(",\n", columns)).append("\n)");
			if (!table.inherits().isEmpty()) {
				sql.append(" INHERITS (").append(String.join(", ", table.inherits())).append(')');
			}
		}
		if (table.partitionKey() != null) {
			sql.append(" PARTITION BY ").append(table.partitionKey());
		}
		if (!table.options().isEmpty()) {
			sql.append(" WITH (").append(String.join(", ", table.options())).append(')');
		}
		change.sql(sql.toString());
		if (table.partitionOf() != null) {
			this.planner.partitions().completePartition(change, table);
		}
		for (Column column : table.columns().values()) {
			change.provides(table.columnId(column.name()));
			if (column.identity() != null) {
				change.provides("name " + identitySequence(column));
			}
		}
		if (table.rowSecurity()) {
			change.sql("ALTER TABLE " + table.name() + " ENABLE ROW LEVEL SECURITY");
		}
		if (table.forceRowSecurity()) {
			change.sql("ALTER TABLE " + table.name() + " FORCE ROW LEVEL SECURITY");
		}
	}

	void drop(Table table) {
		ObjectId id = table.id();
		Change change = this.planner.newChange("drop table " + table.name(), Priority.DROP_TABLE)
			.sql("DROP TABLE " + table.name())
			.removes(id, "name " + table.name())
			.hazard(HazardType.DELETES_DATA, "drops table " + table.name() + " and its rows");
		table.columns().keySet().forEach((column) -> removeColumn(change, table, column));
		removeOwned(change, id);
	}

	/**
	 * Records that the change removes what belongs to the dropped table or view, but for
	 * the foreign keys dropped on their own first.
	 */
	void removeOwned(Change change, ObjectId owner) {
		Replacements replacements = this.planner.replacements();
		for (ObjectId child : replacements.owned(owner)) {
			if (replacements.isDroppedFirst(this.from.get(child), true)) {
				continue;
			}
			change.removes(child);
			if (this.from.get(child) instanceof Constraint constraint && constraint.index() != null) {
				change.removes(constraint.index());
			}
			if (this.from.get(child) instanceof Index index) {
				change.removes("name " + index.name());
			}
		}
	}

	/** Records that the change removes the column, and the sequences it owns. */
	void removeColumn(Change change, Table table, String column) {
		ObjectId columnId = table.columnId(column);
		change.removes(columnId).requires("release " + columnId);
		String ownedBy = table.name() + "." + column;
		for (Sequence sequence : this.from.all(Sequence.class)) {
			if (ownedBy.equals(sequence.ownedBy())) {
				change.removes(sequence.id(), "name " + sequence.name());
			}
		}
		Column definition = table.columns().get(column);
		if (definition != null && definition.identity() != null) {
			change.removes("name " + identitySequence(definition));
		}
	}

	/** The name of the sequence behind an identity column. */
	static String identitySequence(Column column) {
		String options = column.identityOptions();
		int start = options.indexOf("SEQUENCE NAME ") + "SEQUENCE NAME ".length();
		int end = options.indexOf(" START WITH ");
		return options.substring(start, end);
	}

}
