package dev.confiture.core.diff;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogObject;
import dev.confiture.core.catalog.Collation;
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

/**
 * Works out the changes between two catalogs: which objects are created, dropped, altered
 * in place or dropped and created again (because they changed in a way that cannot be
 * altered, or because something they depend on is dropped or retyped), then hands them to
 * {@link ChangeOrder}. {@link Replacements} decides what is gone; one class per kind of
 * object writes its changes ({@link SchemaChanges}, {@link TypeChanges},
 * {@link SequenceChanges}, {@link TableDefinitions}, {@link TableChanges},
 * {@link ConstraintChanges}, {@link RoutineChanges}, {@link DefinitionChanges},
 * {@link CollationChanges}, {@link PartitionChanges}); the planner visits every object
 * once and collects the changes in order.
 */
final class Planner {

	private final Catalog from;

	private final Catalog to;

	private final DiffOptions options;

	private final Replacements replacements;

	private final SchemaChanges schemas = new SchemaChanges(this);

	private final TypeChanges types;

	private final SequenceChanges sequences = new SequenceChanges(this);

	private final TableDefinitions tables;

	private final ConstraintChanges constraints;

	private final RoutineChanges routines = new RoutineChanges(this);

	private final DefinitionChanges definitions;

	private final List<Change> changes = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private boolean functionBodiesUnchecked;

	private PartitionChanges partitions;

	private ObjectId subject;

	Planner(Catalog from, Catalog to, DiffOptions options) {
		this.from = from;
		this.to = to;
		this.options = options;
		this.replacements = new Replacements(from, to);
		this.types = new TypeChanges(this, from, to);
		this.tables = new TableDefinitions(this, from);
		this.constraints = new ConstraintChanges(this, from);
		this.definitions = new DefinitionChanges(this, this.tables);
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
		this.replacements.collectOwned();
		for (Index index : this.from.all(Index.class)) {
			if (index.broken()) {
				note("index " + index.name() + " on " + index.table() + " is "
						+ (index.valid() ? "not ready" : "INVALID")
						+ " (left by a failed or cancelled CREATE INDEX CONCURRENTLY): PostgreSQL does not use it"
						+ " and does not enforce its uniqueness; drop it and create it again");
			}
		}
		this.replacements.classify();
		this.replacements.closure();
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

	private void emit(ObjectId id) {
		if (partitions().emit(id)) {
			return;
		}
		CatalogObject before = this.from.get(id);
		CatalogObject after = this.to.get(id);
		boolean ownerGone = before != null && this.replacements.ownerGone(before);
		boolean replace = this.replacements.isReplaced(id);
		if (before != null && (after == null || replace) && !ownerGone) {
			drop(before);
		}
		else if (this.replacements.isDroppedFirst(before, ownerGone)) {
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

	private void drop(CatalogObject object) {
		if (object instanceof Schema schema) {
			this.schemas.drop(schema);
		}
		else if (object instanceof Collation collation) {
			CollationChanges.drop(this, collation);
		}
		else if (object instanceof Extension extension) {
			this.schemas.drop(extension);
		}
		else if (object instanceof DomainType domain) {
			this.types.drop(domain);
		}
		else if (object instanceof EnumType || object instanceof CompositeType) {
			this.types.drop(object);
		}
		else if (object instanceof Sequence sequence) {
			this.sequences.drop(sequence);
		}
		else if (object instanceof Table table) {
			this.tables.drop(table);
		}
		else if (object instanceof Constraint constraint) {
			this.constraints.drop(constraint);
		}
		else if (object instanceof Index index) {
			this.constraints.drop(index);
		}
		else if (object instanceof View view) {
			this.definitions.drop(view);
		}
		else if (object instanceof Routine routine) {
			this.routines.drop(routine);
		}
		else if (object instanceof Trigger trigger) {
			this.routines.drop(trigger);
		}
		else if (object instanceof Policy policy) {
			this.definitions.drop(policy);
		}
		else if (object instanceof Comment comment) {
			this.definitions.drop(comment);
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
		if (object instanceof Schema schema) {
			this.schemas.create(schema);
		}
		else if (object instanceof Extension extension) {
			this.schemas.create(extension);
		}
		else if (object instanceof Collation collation) {
			CollationChanges.create(this, collation);
		}
		else if (object instanceof EnumType type) {
			this.types.create(type);
		}
		else if (object instanceof DomainType domain) {
			this.types.create(domain);
		}
		else if (object instanceof CompositeType type) {
			this.types.create(type);
		}
		else if (object instanceof Sequence sequence) {
			this.sequences.create(sequence);
		}
		else if (object instanceof Table table) {
			this.tables.create(table);
		}
		else if (object instanceof Constraint constraint) {
			this.constraints.create(constraint);
		}
		else if (object instanceof Index index) {
			this.constraints.create(index);
		}
		else if (object instanceof View view) {
			this.definitions.create(view);
		}
		else if (object instanceof Routine routine) {
			this.routines.create(routine);
		}
		else if (object instanceof Trigger trigger) {
			this.routines.create(trigger);
		}
		else if (object instanceof Policy policy) {
			this.definitions.create(policy);
		}
		else if (object instanceof Comment comment) {
			this.definitions.comment(comment);
		}
		else if (object instanceof ReplicaIdentity identity) {
			new ReplicaIdentityChanges(this, this.from).emit(null, identity);
		}
	}

	private void alter(CatalogObject before, CatalogObject after) {
		if (after instanceof Extension b && before instanceof Extension a) {
			this.schemas.alter(a, b);
		}
		else if (after instanceof Collation b) {
			CollationChanges.recreate(this, this.from, b, this.replacements.collationColumns(b.id()));
		}
		else if (after instanceof EnumType b && before instanceof EnumType a) {
			this.types.alter(a, b);
		}
		else if (after instanceof DomainType b && before instanceof DomainType a) {
			this.types.alter(a, b);
		}
		else if (after instanceof CompositeType b && before instanceof CompositeType a) {
			this.types.alter(a, b);
		}
		else if (after instanceof Sequence b && before instanceof Sequence a) {
			this.sequences.alter(a, b);
		}
		else if (after instanceof Table b && before instanceof Table a) {
			new TableChanges(this, a, b).emit();
		}
		else if (after instanceof Constraint b) {
			this.constraints.validate(b);
		}
		else if (after instanceof Routine b) {
			this.routines.replace(b);
		}
		else if (after instanceof Trigger b) {
			this.routines.alter(b);
		}
		else if (after instanceof Comment b) {
			this.definitions.comment(b);
		}
	}

	// Used by the changes of each kind

	/** Adds a change, part of the creation of the object being created, if any. */
	Change newChange(String description, int priority) {
		Change change = new Change(description, priority, this.changes.size());
		change.subject = this.subject;
		this.changes.add(change);
		return change;
	}

	/** Takes back a change that turned out to have nothing to do. */
	void discard(Change change) {
		this.changes.remove(change);
	}

	Replacements replacements() {
		return this.replacements;
	}

	boolean isGoneColumn(ObjectId columnId) {
		return this.replacements.isGoneColumn(columnId);
	}

	boolean isEnumColumn(ObjectId columnId) {
		return this.replacements.isEnumColumn(columnId);
	}

	boolean isGoneObject(ObjectId id) {
		return this.replacements.isGone(id);
	}

	DiffOptions options() {
		return this.options;
	}

	void note(String note) {
		this.notes.add(note);
	}

	/** Records that the plan creates or replaces a function whose body is not checked. */
	void functionBodiesUnchecked() {
		this.functionBodiesUnchecked = true;
	}

	void removeColumnFrom(Change change, Table table, String column) {
		this.tables.removeColumn(change, table, column);
	}

	String usingCast(String column, String oldType, String newType) {
		return EnumCasts.using(this.from, this.to, column, oldType, newType);
	}

	PartitionChanges partitions() {
		if (this.partitions == null) {
			this.partitions = new PartitionChanges(this, this.from, this.to);
		}
		return this.partitions;
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
