package dev.confiture.core.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.confiture.core.catalog.Column;
import dev.confiture.core.catalog.ObjectId;
import dev.confiture.core.catalog.Table;

/**
 * The changes of one table that exists on both sides and is not created again: its
 * columns and its table-level properties.
 */
final class TableChanges {

	private static final Pattern IDENTITY_OPTIONS = Pattern
		.compile("START WITH (\\S+) INCREMENT BY (\\S+) MINVALUE (\\S+) MAXVALUE (\\S+) CACHE (\\S+) (CYCLE|NO CYCLE)");

	private final Planner planner;

	private final Table before;

	private final Table after;

	private final String name;

	TableChanges(Planner planner, Table before, Table after) {
		this.planner = planner;
		this.before = planner.partitions().effectiveBefore(before);
		this.after = planner.partitions().effectiveAfter(after);
		this.name = after.name();
	}

	void emit() {
		if (this.planner.partitions().emitColumns(this.before, this.after)) {
			tableProperties();
			return;
		}
		List<String> kept = new ArrayList<>();
		for (Column column : this.before.columns().values()) {
			Column next = this.after.columns().get(column.name());
			ObjectId id = this.before.columnId(column.name());
			if (next == null || this.planner.isGoneColumn(id)) {
				dropColumn(column, next != null && next.generated() != null && column.generated() != null);
			}
			else {
				kept.add(column.name());
				alterColumn(column, next);
			}
		}
		for (Column column : this.after.columns().values()) {
			if (!this.before.columns().containsKey(column.name())
					|| this.planner.isGoneColumn(this.before.columnId(column.name()))) {
				addColumn(column);
				kept.add(column.name());
			}
		}
		if (!kept.equals(this.after.columnOrder())) {
			this.planner.note("column order of " + this.name + " differs and is not migrated: the migrated table has ("
					+ String.join(", ", kept) + "), the schema declares (" + String.join(", ", this.after.columnOrder())
					+ "); ADD COLUMN always appends");
		}
		tableProperties();
	}

	private String alterTable() {
		return "ALTER TABLE " + this.name + " ";
	}

	private void dropColumn(Column column, boolean derived) {
		Change change = this.planner
			.newChange("drop column " + column.name() + " of " + this.name, Priority.DROP_COLUMN)
			.sql(alterTable() + "DROP COLUMN " + column.name());
		this.planner.removeColumnFrom(change, this.before, column.name());
		if (!derived && column.generated() == null) {
			change.hazard(HazardType.DELETES_DATA,
					"drops column " + this.name + "." + column.name() + " and its values");
		}
	}

	private void addColumn(Column column) {
		ObjectId id = this.after.columnId(column.name());
		Change change = this.planner
			.newChange("add column " + column.name() + " to " + this.name, Priority.ALTER_COLUMN)
			.sql(alterTable() + "ADD COLUMN " + column.definition())
			.provides(id)
			.requires(this.after.id());
		if (column.identity() != null) {
			change.provides("name " + TableDefinitions.identitySequence(column))
				.hazard(HazardType.TABLE_REWRITE,
						"filling identity column " + this.name + "." + column.name() + " rewrites the table");
		}
		else if ("STORED".equals(column.generated())) {
			change.hazard(HazardType.TABLE_REWRITE,
					"computing stored column " + this.name + "." + column.name() + " rewrites the table");
		}
		else if (column.notNull() && column.defaultExpression() == null && column.generated() == null) {
			change.hazard(HazardType.MAY_FAIL, "NOT NULL column " + this.name + "." + column.name()
					+ " has no default: fails if the table has rows");
		}
	}

	private void alterColumn(Column column, Column next) {
		ObjectId id = this.after.columnId(column.name());
		String alter = alterTable() + "ALTER COLUMN " + column.name() + " ";
		if (column.identity() != null && next.identity() == null) {
			this.planner.newChange("drop identity of " + this.name + "." + column.name(), Priority.DROP_COLUMN)
				.sql(alter + "DROP IDENTITY")
				.removes(id, "name " + TableDefinitions.identitySequence(column));
		}
		if (column.generated() != null && next.generated() == null) {
			this.planner.newChange("drop expression of " + this.name + "." + column.name(), Priority.ALTER_COLUMN)
				.sql(alter + "DROP EXPRESSION")
				.removes(id)
				.provides(id);
		}
		Change change = new Change("alter column " + this.name + "." + column.name(), Priority.ALTER_COLUMN, 0);
		boolean enumColumn = this.planner.isEnumColumn(id);
		boolean retype = !column.type().equals(next.type()) || !Objects.equals(column.collation(), next.collation());
		if (retype) {
			if (column.defaultExpression() != null) {
				change.sql(alter + "DROP DEFAULT");
			}
			change
				.sql(alter + "TYPE " + next.type() + ((next.collation() != null) ? " COLLATE " + next.collation() : "")
						+ " USING " + this.planner.usingCast(column.name(), column.type(), next.type()))
				.hazard(HazardType.TABLE_REWRITE, "changing the type of " + this.name + "." + column.name() + " from "
						+ column.type() + " to " + next.type() + " rewrites the table under an ACCESS EXCLUSIVE lock");
		}
		boolean defaultChanged = !Objects.equals(column.defaultExpression(), next.defaultExpression());
		if (!enumColumn && (defaultChanged || (retype && column.defaultExpression() != null))) {
			if (next.defaultExpression() != null) {
				change.sql(alter + "SET DEFAULT " + next.defaultExpression());
			}
			else if (!retype && column.identity() == null) {
				change.sql(alter + "DROP DEFAULT");
			}
		}
		if (!column.notNull() && next.notNull()) {
			setNotNull(change, column, alter);
		}
		else if (column.notNull() && !next.notNull()) {
			change.sql(alter + "DROP NOT NULL");
		}
		if (column.identity() != null && next.identity() != null) {
			if (!column.identity().equals(next.identity())) {
				change.sql(alter + "SET GENERATED " + next.identity());
			}
			Matcher options = IDENTITY_OPTIONS.matcher(next.identityOptions());
			if (!column.identityOptions().equals(next.identityOptions()) && options.find()) {
				change.sql(alter + "SET START WITH " + options.group(1) + " SET INCREMENT BY " + options.group(2)
						+ " SET MINVALUE " + options.group(3) + " SET MAXVALUE " + options.group(4) + " SET CACHE "
						+ options.group(5) + " SET " + options.group(6));
				if (IdentityBounds.shrink(column.identityOptions(), next.identityOptions())) {
					IdentityBounds.restart(change, "identity " + this.name + "." + column.name(),
							TableDefinitions.identitySequence(column), next.identityOptions());
				}
			}
		}
		if (!change.statements.isEmpty()) {
			Change added = this.planner.newChange(change.description, Priority.ALTER_COLUMN).removes(id).provides(id);
			added.statements.addAll(change.statements);
			added.hazards.addAll(change.hazards);
		}
		if (column.identity() == null && next.identity() != null) {
			this.planner.newChange("add identity to " + this.name + "." + column.name(), Priority.ADD_IDENTITY)
				.sql(alter + "ADD GENERATED " + next.identity() + " AS IDENTITY (" + next.identityOptions() + ")")
				.provides(id, "name " + TableDefinitions.identitySequence(next));
		}
	}

	private void setNotNull(Change change, Column column, String alter) {
		if (this.planner.options().online()) {
			String check = Names.quote(Names.unquote(column.name()) + "_not_null_confiture");
			if (check.length() > 65) {
				check = Names.quote("not_null_confiture");
			}
			change
				.sql(alterTable() + "ADD CONSTRAINT " + check + " CHECK (" + column.name() + " IS NOT NULL) NOT VALID")
				.sql(alterTable() + "VALIDATE CONSTRAINT " + check)
				.sql(alter + "SET NOT NULL")
				.sql(alterTable() + "DROP CONSTRAINT " + check);
		}
		else {
			change.sql(alter + "SET NOT NULL")
				.hazard(HazardType.BLOCKING_LOCK, "SET NOT NULL on " + this.name + "." + column.name()
						+ " scans the table under an ACCESS EXCLUSIVE lock (an online migration avoids it)");
		}
	}

	private void tableProperties() {
		Table a = this.before;
		Table b = this.after;
		if (!Objects.equals(a.partitionOf(), b.partitionOf())
				|| !Objects.equals(a.partitionBound(), b.partitionBound())) {
			if (a.partitionOf() != null) {
				this.planner
					.newChange("detach partition " + this.name + " from " + a.partitionOf(), Priority.DROP_COLUMN)
					.sql("ALTER TABLE " + a.partitionOf() + " DETACH PARTITION " + this.name)
					.removes("partition " + this.name)
					.provides("detached " + a.id());
			}
			if (b.partitionOf() != null) {
				Change attach = this.planner
					.newChange("attach partition " + this.name + " to " + b.partitionOf(), Priority.ALTER_TABLE)
					.sql("ALTER TABLE " + b.partitionOf() + " ATTACH PARTITION " + this.name + " " + b.partitionBound())
					.provides("partition " + this.name)
					.requires(ObjectId.of("table", b.partitionOf()), b.id())
					.hazard(HazardType.BLOCKING_LOCK, "attaching " + this.name + " scans it to check the bound");
				b.columns().keySet().forEach((column) -> attach.requires(b.columnId(column)));
			}
		}
		Change change = new Change("alter table " + this.name, Priority.ALTER_TABLE, 0);
		if (a.unlogged() != b.unlogged()) {
			change.sql(alterTable() + (b.unlogged() ? "SET UNLOGGED" : "SET LOGGED"))
				.hazard(HazardType.TABLE_REWRITE, "changing the persistence of " + this.name + " rewrites it");
		}
		if (a.rowSecurity() != b.rowSecurity()) {
			change.sql(alterTable() + (b.rowSecurity() ? "ENABLE" : "DISABLE") + " ROW LEVEL SECURITY");
		}
		if (a.forceRowSecurity() != b.forceRowSecurity()) {
			change.sql(alterTable() + (b.forceRowSecurity() ? "FORCE" : "NO FORCE") + " ROW LEVEL SECURITY");
		}
		List<String> reset = new ArrayList<>();
		for (String option : a.options()) {
			String key = option.substring(0, option.indexOf('='));
			if (b.options().stream().noneMatch((candidate) -> candidate.startsWith(key + "="))) {
				reset.add(key);
			}
		}
		if (!reset.isEmpty()) {
			change.sql(alterTable() + "RESET (" + String.join(", ", reset) + ")");
		}
		List<String> set = b.options().stream().filter((option) -> !a.options().contains(option)).toList();
		if (!set.isEmpty()) {
			change.sql(alterTable() + "SET (" + String.join(", ", set) + ")");
		}
		for (String parent : a.inherits()) {
			if (!b.inherits().contains(parent)) {
				change.sql(alterTable() + "NO INHERIT " + parent);
			}
		}
		for (String parent : b.inherits()) {
			if (!a.inherits().contains(parent)) {
				change.sql(alterTable() + "INHERIT " + parent);
				change.requires(ObjectId.of("table", parent));
			}
		}
		if (!change.statements.isEmpty()) {
			Change added = this.planner.newChange(change.description, Priority.ALTER_TABLE).requires(b.id());
			added.statements.addAll(change.statements);
			added.hazards.addAll(change.hazards);
			added.requires.addAll(change.requires);
		}
	}

}
