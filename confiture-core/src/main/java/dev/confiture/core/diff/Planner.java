package dev.confiture.core.diff;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogObject;
import dev.confiture.core.catalog.Collation;
import dev.confiture.core.catalog.Column;
import dev.confiture.core.catalog.Comment;
import dev.confiture.core.catalog.CompositeType;
import dev.confiture.core.catalog.Constraint;
import dev.confiture.core.catalog.DomainType;
import dev.confiture.core.catalog.EnumType;
import dev.confiture.core.catalog.Extension;
import dev.confiture.core.catalog.Index;
import dev.confiture.core.catalog.ObjectId;
import dev.confiture.core.catalog.Policy;
import dev.confiture.core.catalog.ReplicaIdentity;
import dev.confiture.core.catalog.Routine;
import dev.confiture.core.catalog.Schema;
import dev.confiture.core.catalog.Sequence;
import dev.confiture.core.catalog.Table;
import dev.confiture.core.catalog.Trigger;
import dev.confiture.core.catalog.View;
import dev.confiture.core.internal.Identifiers;

/**
 * Works out the changes between two catalogs: which objects are created, dropped, altered
 * in place or dropped and created again (because they changed in a way that cannot be
 * altered, or because something they depend on is dropped or retyped), then hands them to
 * {@link ChangeOrder}.
 */
final class Planner {

	private final Catalog from;

	private final Catalog to;

	private final DiffOptions options;

	private final Set<ObjectId> replaced = new HashSet<>();

	private final Set<ObjectId> goneColumns = new HashSet<>();

	private final Set<ObjectId> retypedColumns = new HashSet<>();

	private final Map<ObjectId, List<ObjectId>> enumColumns = new LinkedHashMap<>();

	private final Map<ObjectId, List<ObjectId>> owned = new HashMap<>();

	private final Map<ObjectId, List<ObjectId>> collationColumns = new HashMap<>();

	private final List<Change> changes = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private boolean functionBodiesUnchecked;

	private PartitionChanges partitions;

	private ObjectId subject;

	Planner(Catalog from, Catalog to, DiffOptions options) {
		this.from = from;
		this.to = to;
		this.options = options;
	}

	/**
	 * Plans the creation of every object of the target that the source lacks, each change
	 * naming the object it creates and the earlier changes it needs.
	 */
	List<Creation> creations() {
		for (CatalogObject object : this.to.objects().values()) {
			if (this.from.get(object.id()) == null && !partitions().attached().isAttached(object)) {
				create(object);
			}
		}
		Map<Change, Set<Change>> predecessors = ChangeOrder.predecessors(this.changes, this.from.dependencies(),
				this.to.dependencies());
		List<Change> sorted = ChangeOrder.sort(this.changes, predecessors);
		Map<Change, Integer> positions = new HashMap<>();
		List<Creation> creations = new ArrayList<>();
		for (Change change : sorted) {
			List<Integer> after = predecessors.get(change).stream().map(positions::get).sorted().toList();
			positions.put(change, creations.size());
			creations.add(new Creation(change.subject, change.toStep(), after));
		}
		return creations;
	}

	Plan plan() {
		for (CatalogObject object : this.from.objects().values()) {
			ObjectId owner = owner(this.from, object);
			if (owner != null) {
				this.owned.computeIfAbsent(owner, (key) -> new ArrayList<>()).add(object.id());
			}
		}
		for (Index index : this.from.all(Index.class)) {
			if (index.broken()) {
				note("index " + index.name() + " on " + index.table() + " is "
						+ (index.valid() ? "not ready" : "INVALID")
						+ " (left by a failed or cancelled CREATE INDEX CONCURRENTLY): PostgreSQL does not use it"
						+ " and does not enforce its uniqueness; drop it and create it again");
			}
		}
		classify();
		closure();
		Set<ObjectId> ids = new LinkedHashSet<>(this.from.objects().keySet());
		ids.addAll(this.to.objects().keySet());
		for (ObjectId id : ids) {
			emit(id);
		}
		partitions().keepOwnedSequences();
		partitions().attached().finish(this.changes);
		List<Step> steps = ChangeOrder.sort(this.changes, this.from.dependencies(), this.to.dependencies())
			.stream()
			.map(Change::toStep)
			.toList();
		return new Plan(steps, this.notes, this.functionBodiesUnchecked);
	}

	// Classification

	private void classify() {
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
					&& !addsValuesOnly(before, after)) {
				List<ObjectId> columns = new ArrayList<>();
				for (ObjectId dependent : this.from.dependencies().dependents(before.id())) {
					ObjectId table = this.from.dependencies().tableOf(dependent);
					if (table != null && this.to.get(table) instanceof Table next && !isGone(table)
							&& !this.goneColumns.contains(dependent) && !this.retypedColumns.contains(dependent)
							&& next.columns().containsKey(columnName(table, dependent))) {
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

	static boolean isAddOnly(List<String> before, List<String> after) {
		int position = 0;
		for (String label : after) {
			if (position < before.size() && before.get(position).equals(label)) {
				position++;
			}
			else if (before.contains(label)) {
				return false;
			}
		}
		return position == before.size();
	}

	/**
	 * Objects that depend on something that is dropped (or on a column whose type
	 * changes) must be dropped first and created again.
	 */
	private void closure() {
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

	private boolean isGone(ObjectId id) {
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

	private boolean ownerGone(CatalogObject object) {
		ObjectId owner = owner(this.from, object);
		return owner != null && isGone(owner);
	}

	private static ObjectId owner(Catalog catalog, CatalogObject object) {
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

	private static String columnName(ObjectId table, ObjectId columnId) {
		return columnId.member();
	}

	// Emission

	private void emit(ObjectId id) {
		if (partitions().emit(id)) {
			return;
		}
		CatalogObject before = this.from.get(id);
		CatalogObject after = this.to.get(id);
		boolean ownerGone = before != null && ownerGone(before);
		boolean replace = this.replaced.contains(id);
		if (before != null && (after == null || replace) && !ownerGone) {
			drop(before);
		}
		else if (isDroppedFirst(before, ownerGone)) {
			drop(before);
		}
		if (after != null && (before == null || replace || ownerGone)) {
			create(after);
		}
		if (before != null && after != null && !replace && !ownerGone && !before.equals(after)) {
			alter(before, after);
		}
		else if (before instanceof Table a && after instanceof Table b && !replace && !ownerGone
				&& !a.columnOrder().equals(b.columnOrder())) {
			new TableChanges(this, a, b).emit();
		}
	}

	/**
	 * Foreign keys of a dropped table that reference another table are dropped on their
	 * own first, so that tables referencing each other can be dropped.
	 */
	private boolean isDroppedFirst(CatalogObject object, boolean ownerGone) {
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

	private Change change(String description, int priority) {
		Change change = new Change(description, priority, this.changes.size());
		change.subject = this.subject;
		this.changes.add(change);
		return change;
	}

	private void drop(CatalogObject object) {
		ObjectId id = object.id();
		if (object instanceof Schema schema) {
			change("drop schema " + schema.name(), Priority.DROP_SCHEMA).sql("DROP SCHEMA " + schema.name())
				.removes(id);
		}
		else if (object instanceof Collation collation) {
			CollationChanges.drop(this, collation);
		}
		else if (object instanceof Extension extension) {
			change("drop extension " + extension.name(), Priority.DROP_EXTENSION)
				.sql("DROP EXTENSION " + extension.name())
				.removes(id);
		}
		else if (object instanceof DomainType domain) {
			change("drop domain " + domain.name(), Priority.DROP_TYPE).sql("DROP DOMAIN " + domain.name())
				.removes(id, "name " + domain.name());
		}
		else if (object instanceof EnumType || object instanceof CompositeType) {
			String name = id.qualifiedName();
			change("drop type " + name, Priority.DROP_TYPE).sql("DROP TYPE " + name).removes(id, "name " + name);
		}
		else if (object instanceof Sequence sequence) {
			if (sequence.ownedBy() == null || !isGone(columnId(sequence.ownedBy()))) {
				change("drop sequence " + sequence.name(), Priority.DROP_SEQUENCE)
					.sql("DROP SEQUENCE " + sequence.name())
					.removes(id, "name " + sequence.name());
			}
		}
		else if (object instanceof Table table) {
			Change change = change("drop table " + table.name(), Priority.DROP_TABLE).sql("DROP TABLE " + table.name())
				.removes(id, "name " + table.name())
				.hazard(HazardType.DELETES_DATA, "drops table " + table.name() + " and its rows");
			table.columns().keySet().forEach((column) -> removeColumn(change, table, column));
			removeOwned(change, id);
		}
		else if (object instanceof Constraint constraint) {
			Change change = change("drop constraint " + constraint.name() + " on " + constraint.table(),
					constraint.isForeignKey() ? Priority.DROP_FOREIGN_KEY : Priority.DROP_CONSTRAINT)
				.sql("ALTER TABLE " + constraint.table() + " DROP CONSTRAINT " + constraint.name())
				.removes(id);
			if (constraint.index() != null) {
				change.removes(constraint.index(), "name " + constraint.index().qualifiedName());
			}
		}
		else if (object instanceof Index index) {
			boolean concurrently = this.options.online() && !index.partitioned() && !isGone(owner(this.from, index));
			Change change = change("drop index " + index.name(), Priority.DROP_INDEX)
				.sql("DROP INDEX " + (concurrently ? "CONCURRENTLY " : "") + index.name())
				.removes(id, "name " + index.name());
			change.concurrent = concurrently;
		}
		else if (object instanceof View view) {
			Change change = change("drop " + kind(view) + " " + view.name(), Priority.DROP_VIEW)
				.sql("DROP " + kind(view).toUpperCase(Locale.ROOT) + " " + view.name())
				.removes(id, "name " + view.name());
			removeOwned(change, id);
		}
		else if (object instanceof Routine routine) {
			String kind = routine.procedure() ? "procedure" : "function";
			change("drop " + kind + " " + routine.signature(), Priority.DROP_ROUTINE)
				.sql("DROP " + kind.toUpperCase(Locale.ROOT) + " " + routine.signature())
				.removes(id, "routine " + routine.signature());
		}
		else if (object instanceof Trigger trigger) {
			change("drop trigger " + trigger.name() + " on " + trigger.table(), Priority.DROP_TRIGGER)
				.sql("DROP TRIGGER " + trigger.name() + " ON " + trigger.table())
				.removes(id);
		}
		else if (object instanceof Policy policy) {
			change("drop policy " + policy.name() + " on " + policy.table(), Priority.DROP_POLICY)
				.sql("DROP POLICY " + policy.name() + " ON " + policy.table())
				.removes(id);
		}
		else if (object instanceof Comment comment) {
			change("remove comment on " + comment.target(), Priority.COMMENT)
				.sql("COMMENT ON " + comment.statementTarget() + " IS NULL");
		}
	}

	private void removeOwned(Change change, ObjectId owner) {
		for (ObjectId child : this.owned.getOrDefault(owner, List.of())) {
			if (isDroppedFirst(this.from.get(child), true)) {
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

	private void removeColumn(Change change, Table table, String column) {
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

	private void create(CatalogObject object) {
		this.subject = object.id();
		try {
			createObject(object);
		}
		finally {
			this.subject = null;
		}
	}

	private void createObject(CatalogObject object) {
		ObjectId id = object.id();
		if (object instanceof Schema schema) {
			change("create schema " + schema.name(), Priority.CREATE_SCHEMA).sql("CREATE SCHEMA " + schema.name())
				.provides(id);
		}
		else if (object instanceof Extension extension) {
			change("create extension " + extension.name(), Priority.CREATE_EXTENSION)
				.sql("CREATE EXTENSION IF NOT EXISTS " + extension.name() + " WITH SCHEMA " + extension.schema()
						+ " VERSION " + Names.literal(extension.version()))
				.provides(id)
				.requires(new ObjectId("schema", null, extension.schema(), null));
		}
		else if (object instanceof Collation collation) {
			CollationChanges.create(this, collation);
		}
		else if (object instanceof EnumType type) {
			change("create type " + type.name(), Priority.CREATE_TYPE).sql(createEnum(type.name(), type.labels()))
				.provides(id, "name " + type.name());
		}
		else if (object instanceof DomainType domain) {
			StringBuilder sql = new StringBuilder("CREATE DOMAIN ").append(domain.name())
				.append(" AS ")
				.append(domain.baseType());
			if (domain.collation() != null) {
				sql.append(" COLLATE ").append(domain.collation());
			}
			if (domain.defaultExpression() != null) {
				sql.append(" DEFAULT ").append(domain.defaultExpression());
			}
			if (domain.notNull()) {
				sql.append(" NOT NULL");
			}
			domain.constraints()
				.entrySet()
				.stream()
				.sorted(Map.Entry.comparingByKey())
				.forEach((check) -> sql.append(" CONSTRAINT ")
					.append(check.getKey())
					.append(' ')
					.append(check.getValue()));
			change("create domain " + domain.name(), Priority.CREATE_TYPE).sql(sql.toString())
				.provides(id, "name " + domain.name());
		}
		else if (object instanceof CompositeType type) {
			List<String> attributes = new ArrayList<>();
			type.attributes().forEach((name, attributeType) -> attributes.add(name + " " + attributeType));
			change("create type " + type.name(), Priority.CREATE_TYPE)
				.sql("CREATE TYPE " + type.name() + " AS (" + String.join(", ", attributes) + ")")
				.provides(id, "name " + type.name());
		}
		else if (object instanceof Sequence sequence) {
			change("create sequence " + sequence.name(), Priority.CREATE_SEQUENCE)
				.sql("CREATE SEQUENCE " + sequence.name() + " " + sequence.options())
				.provides(id, "name " + sequence.name());
			if (sequence.ownedBy() != null) {
				ownedBy(sequence, null);
			}
		}
		else if (object instanceof Table table) {
			createTable(table);
		}
		else if (object instanceof Constraint constraint) {
			createConstraint(constraint);
		}
		else if (object instanceof Index index) {
			boolean existingTable = !isNew(index.table());
			String sql = index.definition();
			if (index.partitioned()) {
				sql = sql.replaceFirst(" ON ONLY ", " ON ");
			}
			Change change = change("create index " + index.name(), Priority.CREATE_INDEX).provides(id,
					"name " + index.name());
			if (existingTable && this.options.online() && !index.partitioned()) {
				sql = sql.replaceFirst("INDEX ", "INDEX CONCURRENTLY ");
				change.concurrent = true;
			}
			else if (existingTable) {
				change.hazard(HazardType.BLOCKING_LOCK, "building index " + index.name() + " blocks writes to "
						+ index.table() + " (an online migration avoids it)");
			}
			change.sql(sql);
		}
		else if (object instanceof View view) {
			String options = view.options().isEmpty() ? "" : " WITH (" + String.join(", ", view.options()) + ")";
			change("create " + kind(view) + " " + view.name(), Priority.CREATE_VIEW)
				.sql("CREATE " + kind(view).toUpperCase(Locale.ROOT) + " " + view.name() + options + " AS\n"
						+ view.query())
				.provides(id, "name " + view.name());
		}
		else if (object instanceof Routine routine) {
			this.functionBodiesUnchecked = true;
			change("create " + (routine.procedure() ? "procedure " : "function ") + routine.signature(),
					Priority.CREATE_ROUTINE)
				.sql(routine.definition())
				.provides(id, "routine " + routine.signature());
		}
		else if (object instanceof Trigger trigger) {
			Change change = change("create trigger " + trigger.name() + " on " + trigger.table(),
					Priority.CREATE_TRIGGER)
				.sql(trigger.definition())
				.provides(id);
			if (!"O".equals(trigger.enabled())) {
				change.sql(triggerEnablement(trigger));
			}
		}
		else if (object instanceof Policy policy) {
			change("create policy " + policy.name() + " on " + policy.table(), Priority.CREATE_POLICY)
				.sql(policy.definition())
				.provides(id);
		}
		else if (object instanceof Comment comment) {
			comment(comment);
		}
		else if (object instanceof ReplicaIdentity identity) {
			new ReplicaIdentityChanges(this, this.from).emit(null, identity);
		}
	}

	private void comment(Comment comment) {
		change("comment on " + comment.target(), Priority.COMMENT)
			.sql("COMMENT ON " + comment.statementTarget() + " IS " + Names.literal(comment.text()))
			.requires(comment.target());
	}

	private boolean isNew(String table) {
		ObjectId id = ObjectId.of("table", table);
		return this.from.get(id) == null || isGone(id);
	}

	private static String kind(View view) {
		return view.materialized() ? "materialized view" : "view";
	}

	private static String triggerEnablement(Trigger trigger) {
		String action = switch (trigger.enabled()) {
			case "D" -> "DISABLE";
			case "R" -> "ENABLE REPLICA";
			case "A" -> "ENABLE ALWAYS";
			default -> "ENABLE";
		};
		return "ALTER TABLE " + trigger.table() + " " + action + " TRIGGER " + trigger.name();
	}

	private static String createEnum(String name, List<String> labels) {
		return "CREATE TYPE " + name + " AS ENUM (" + String.join(", ", labels.stream().map(Names::literal).toList())
				+ ")";
	}

	private void ownedBy(Sequence sequence, Sequence previous) {
		String owner = (sequence.ownedBy() != null) ? sequence.ownedBy() : "NONE";
		Change change = change("set owner of sequence " + sequence.name() + " to " + owner, Priority.OWNED_BY)
			.sql("ALTER SEQUENCE " + sequence.name() + " OWNED BY " + owner)
			.requires(sequence.id());
		if (sequence.ownedBy() != null) {
			change.requires(columnId(sequence.ownedBy()));
		}
		if (previous != null && previous.ownedBy() != null) {
			change.provides("release " + columnId(previous.ownedBy()));
		}
	}

	private static ObjectId columnId(String qualifiedColumn) {
		return ObjectId.column(qualifiedColumn);
	}

	private static String identitySequence(Column column) {
		String options = column.identityOptions();
		int start = options.indexOf("SEQUENCE NAME ") + "SEQUENCE NAME ".length();
		int end = options.indexOf(" START WITH ");
		return options.substring(start, end);
	}

	private void createTable(Table table) {
		StringBuilder sql = new StringBuilder("CREATE ").append(table.unlogged() ? "UNLOGGED " : "")
			.append("TABLE ")
			.append(table.name());
		Change change = change("create table " + table.name(), Priority.CREATE_TABLE).provides(table.id(),
				"name " + table.name());
		if (table.partitionOf() != null) {
			sql.append(" PARTITION OF ").append(table.partitionOf());
			sql.append(partitions().partitionColumns(table));
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
			partitions().completePartition(change, table);
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

	private void createConstraint(Constraint constraint) {
		boolean existingTable = !isNew(constraint.table());
		int priority = switch (constraint.type()) {
			case "f" -> Priority.CREATE_FOREIGN_KEY;
			case "c" -> Priority.CREATE_CHECK;
			default -> Priority.CREATE_KEY;
		};
		String prefix = "ALTER TABLE " + constraint.table() + " ADD CONSTRAINT " + constraint.name() + " "
				+ constraint.definition();
		Change change = change("add constraint " + constraint.name() + " on " + constraint.table(), priority)
			.provides(constraint.id());
		if (constraint.index() != null) {
			change.provides(constraint.index(), "name " + constraint.index().qualifiedName());
		}
		boolean checked = constraint.isForeignKey() || "c".equals(constraint.type());
		if (!constraint.validated()) {
			change.sql(prefix + " NOT VALID");
		}
		else if (checked && existingTable && this.options.online()) {
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

	private void alter(CatalogObject before, CatalogObject after) {
		ObjectId id = after.id();
		if (after instanceof Extension b && before instanceof Extension a) {
			Change change = change("alter extension " + b.name(), Priority.CREATE_EXTENSION).provides(id);
			if (!a.version().equals(b.version()) && a.updatableTo().contains(b.version())) {
				change.sql("ALTER EXTENSION " + b.name() + " UPDATE TO " + Names.literal(b.version()));
			}
			else if (!a.version().equals(b.version())) {
				note("extension " + b.name() + " stays at version " + a.version() + ": PostgreSQL has no update path"
						+ " from " + a.version() + " to " + b.version()
						+ " (a downgrade needs the extension dropped and"
						+ " created again, with what uses it); not migrated");
			}
			if (!a.schema().equals(b.schema())) {
				change.sql("ALTER EXTENSION " + b.name() + " SET SCHEMA " + b.schema())
					.requires(new ObjectId("schema", null, b.schema(), null));
			}
			if (change.statements.isEmpty()) {
				this.changes.remove(change);
			}
		}
		else if (after instanceof Collation b) {
			CollationChanges.recreate(this, this.from, b, this.collationColumns.get(id));
		}
		else if (after instanceof EnumType b && before instanceof EnumType a) {
			alterEnum(a, b);
		}
		else if (after instanceof DomainType b && before instanceof DomainType a) {
			alterDomain(a, b);
		}
		else if (after instanceof CompositeType b && before instanceof CompositeType a) {
			Change change = change("alter type " + b.name(), Priority.CREATE_TYPE).removes(id).provides(id);
			boolean used = this.from.dependencies()
				.dependents(id)
				.stream()
				.anyMatch((dependent) -> this.from.dependencies().tableOf(dependent) != null);
			a.attributes().forEach((name, type) -> {
				String next = b.attributes().get(name);
				if (next == null || (used && !next.equals(type))) {
					change.sql("ALTER TYPE " + b.name() + " DROP ATTRIBUTE " + name);
					if (used) {
						change.hazard(HazardType.DELETES_DATA, "values of attribute " + name + " of " + b.name()
								+ " are dropped from the columns that use it");
					}
				}
				else if (!next.equals(type)) {
					change.sql("ALTER TYPE " + b.name() + " ALTER ATTRIBUTE " + name + " TYPE " + next);
				}
			});
			b.attributes().forEach((name, type) -> {
				String previous = a.attributes().get(name);
				if (previous == null || (used && !previous.equals(type))) {
					change.sql("ALTER TYPE " + b.name() + " ADD ATTRIBUTE " + name + " " + type);
				}
			});
		}
		else if (after instanceof Sequence b && before instanceof Sequence a) {
			if (!a.options().equals(b.options())) {
				Change change = change("alter sequence " + b.name(), Priority.CREATE_SEQUENCE)
					.sql("ALTER SEQUENCE " + b.name() + " " + b.options())
					.removes(id)
					.provides(id);
				if (IdentityBounds.shrink(a.options(), b.options())) {
					IdentityBounds.restart(change, "sequence " + b.name(), b.name(), b.options());
				}
			}
			if (!Objects.equals(a.ownedBy(), b.ownedBy())) {
				ownedBy(b, a);
			}
		}
		else if (after instanceof Table b && before instanceof Table a) {
			new TableChanges(this, a, b).emit();
		}
		else if (after instanceof Constraint b) {
			change("validate constraint " + b.name() + " on " + b.table(), Priority.CREATE_CHECK)
				.sql("ALTER TABLE " + b.table() + " VALIDATE CONSTRAINT " + b.name())
				.requires(ObjectId.of("table", b.table()));
		}
		else if (after instanceof Routine b) {
			this.functionBodiesUnchecked = true;
			change("replace " + (b.procedure() ? "procedure " : "function ") + b.signature(), Priority.CREATE_ROUTINE)
				.sql(b.definition())
				.removes(id)
				.provides(id);
		}
		else if (after instanceof Trigger b) {
			change("alter trigger " + b.name() + " on " + b.table(), Priority.CREATE_TRIGGER).sql(triggerEnablement(b))
				.requires(id);
		}
		else if (after instanceof Comment b) {
			comment(b);
		}
	}

	private void alterEnum(EnumType before, EnumType after) {
		String name = after.name();
		if (addsValuesOnly(before, after)) {
			Change change = change("add values to type " + name, Priority.CREATE_TYPE).provides(after.id());
			List<String> labels = after.labels();
			int firstOld = 0;
			while (firstOld < labels.size() && !before.labels().contains(labels.get(firstOld))) {
				firstOld++;
			}
			for (int i = firstOld - 1; i >= 0; i--) {
				change.sql("ALTER TYPE " + name + " ADD VALUE " + Names.literal(labels.get(i)) + " BEFORE "
						+ Names.literal(labels.get(i + 1)));
			}
			for (int i = firstOld + 1; i < labels.size(); i++) {
				if (!before.labels().contains(labels.get(i))) {
					change.sql("ALTER TYPE " + name + " ADD VALUE " + Names.literal(labels.get(i)) + " AFTER "
							+ Names.literal(labels.get(i - 1)));
				}
			}
			return;
		}
		String[] parts = Identifiers.splitQualified(name);
		String old = ((parts[0] != null) ? parts[0] + "." : "") + Names.quote(Names.unquote(parts[1]) + "__old");
		Change change = change("recreate type " + name + " with labels " + after.labels(), Priority.CREATE_TYPE)
			.sql("ALTER TYPE " + name + " RENAME TO " + Names.quote(Names.unquote(parts[1]) + "__old"))
			.sql(createEnum(name, after.labels()))
			.removes(after.id(), "name " + name)
			.provides(after.id(), "name " + name);
		for (ObjectId columnId : this.enumColumns.get(after.id())) {
			ObjectId tableId = this.from.dependencies().tableOf(columnId);
			Table table = (Table) this.to.get(tableId);
			Column previous = ((Table) this.from.get(tableId)).columns().get(columnName(tableId, columnId));
			Column column = table.columns().get(columnName(tableId, columnId));
			String alter = "ALTER TABLE " + table.name() + " ALTER COLUMN " + column.name();
			if (previous.defaultExpression() != null) {
				change.sql(alter + " DROP DEFAULT");
			}
			String cast = column.type().endsWith("[]") ? "::text[]::" : "::text::";
			change.sql(alter + " TYPE " + column.type() + " USING " + column.name() + cast + column.type());
			if (column.defaultExpression() != null) {
				change.sql(alter + " SET DEFAULT " + column.defaultExpression());
			}
			change.removes(columnId).provides(columnId);
		}
		change.sql("DROP TYPE " + old);
		List<String> removed = before.labels().stream().filter((label) -> !after.labels().contains(label)).toList();
		if (!removed.isEmpty()) {
			change.hazard(HazardType.DELETES_DATA, "values " + removed + " are removed from " + name
					+ ": rows that hold them make the migration fail");
		}
		else if (!this.enumColumns.get(after.id()).isEmpty()) {
			change.hazard(HazardType.TABLE_REWRITE, "columns of type " + name + " are rewritten to " + (isAddOnly(before
				.labels(), after.labels())
						? "use its new values in the same transaction (a value added by ADD VALUE cannot be used before it commits)"
						: "reorder its values"));
		}
	}

	private boolean addsValuesOnly(EnumType before, EnumType after) {
		return isAddOnly(before.labels(), after.labels())
				&& !NewEnumValues.usedInPlan(this.from, this.to, before, after);
	}

	private void alterDomain(DomainType before, DomainType after) {
		String name = after.name();
		Change change = change("alter domain " + name, Priority.CREATE_TYPE).removes(after.id()).provides(after.id());
		if (!Objects.equals(before.defaultExpression(), after.defaultExpression())) {
			change.sql("ALTER DOMAIN " + name + ((after.defaultExpression() != null)
					? " SET DEFAULT " + after.defaultExpression() : " DROP DEFAULT"));
		}
		if (before.notNull() != after.notNull()) {
			change.sql("ALTER DOMAIN " + name + (after.notNull() ? " SET NOT NULL" : " DROP NOT NULL"));
		}
		before.constraints().forEach((constraint, definition) -> {
			if (!definition.equals(after.constraints().get(constraint))) {
				change.sql("ALTER DOMAIN " + name + " DROP CONSTRAINT " + constraint);
			}
		});
		after.constraints().forEach((constraint, definition) -> {
			if (!definition.equals(before.constraints().get(constraint))) {
				change.sql("ALTER DOMAIN " + name + " ADD CONSTRAINT " + constraint + " " + definition)
					.hazard(HazardType.MAY_FAIL, "existing values of " + name + " must satisfy " + constraint);
			}
		});
	}

	// Used by TableChanges

	Change newChange(String description, int priority) {
		return change(description, priority);
	}

	boolean isGoneColumn(ObjectId columnId) {
		return this.goneColumns.contains(columnId);
	}

	boolean isEnumColumn(ObjectId columnId) {
		return this.enumColumns.values().stream().anyMatch((columns) -> columns.contains(columnId));
	}

	DiffOptions options() {
		return this.options;
	}

	void note(String note) {
		this.notes.add(note);
	}

	void removeColumnFrom(Change change, Table table, String column) {
		removeColumn(change, table, column);
	}

	String usingCast(String column, String oldType, String newType) {
		return EnumCasts.using(this.from, this.to, column, oldType, newType);
	}

	static String identitySequenceOf(Column column) {
		return identitySequence(column);
	}

	PartitionChanges partitions() {
		if (this.partitions == null) {
			this.partitions = new PartitionChanges(this, this.from, this.to);
		}
		return this.partitions;
	}

	boolean isGoneObject(ObjectId id) {
		return isGone(id);
	}

	Change createChange(CatalogObject object) {
		int size = this.changes.size();
		create(object);
		return this.changes.get(size);
	}

	Change dropChange(CatalogObject object) {
		int size = this.changes.size();
		drop(object);
		return this.changes.get(size);
	}

}
