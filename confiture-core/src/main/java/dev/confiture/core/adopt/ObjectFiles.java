package dev.confiture.core.adopt;

import java.util.List;
import java.util.Locale;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogObject;
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
 * Which schema file each catalog object is written to: a table's file holds its
 * constraints, indexes, triggers, comments and owned sequences; a view's its indexes and
 * triggers; overloads of a function share one file; a table's policies have their own.
 */
final class ObjectFiles {

	private static final String POLICIES = "policies of";

	private final Catalog catalog;

	ObjectFiles(Catalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * The object whose file holds the given one: a table, view, type, sequence, function,
	 * schema or extension, or {@code policies of TABLE}.
	 * @param object an object of the catalog
	 * @return the owner's identity
	 */
	ObjectId owner(CatalogObject object) {
		if (object instanceof Constraint constraint) {
			return ObjectId.of("table", constraint.table());
		}
		if (object instanceof Index index) {
			return relation(index.table());
		}
		if (object instanceof Trigger trigger) {
			return relation(trigger.table());
		}
		if (object instanceof Policy policy) {
			return ObjectId.of(POLICIES, policy.table());
		}
		if (object instanceof ReplicaIdentity identity) {
			return ObjectId.of("table", identity.table());
		}
		if (object instanceof Sequence sequence && sequence.ownedBy() != null) {
			return ObjectId.column(sequence.ownedBy()).table();
		}
		if (object instanceof Comment comment) {
			CatalogObject target = this.catalog.get(comment.target());
			if (target != null) {
				return owner(target);
			}
			ObjectId table = this.catalog.dependencies().tableOf(comment.target());
			return (table != null) ? table : comment.target();
		}
		return object.id();
	}

	/**
	 * The table, view or other top-level object an owner stands for (the table of a
	 * {@code policies of} owner).
	 */
	CatalogObject ownerObject(ObjectId owner) {
		if (owner.kind().equals(POLICIES)) {
			return this.catalog.get(owner.withKind("table"));
		}
		return this.catalog.get(owner);
	}

	/**
	 * The file of an owner.
	 * @param owner an identity returned by {@link #owner}
	 * @return the folder and file name (without {@code .sql})
	 */
	FileKey file(ObjectId owner) {
		if (owner.kind().equals(POLICIES)) {
			return new FileKey(Folder.POLICIES, fileName(owner.qualifiedName()));
		}
		CatalogObject object = this.catalog.get(owner);
		if (object instanceof Schema) {
			return new FileKey(Folder.COMMON, "00_schemas");
		}
		if (object instanceof Extension) {
			return new FileKey(Folder.COMMON, "extensions");
		}
		if (object instanceof EnumType || object instanceof DomainType || object instanceof CompositeType) {
			return new FileKey(Folder.TYPES, fileName(owner.qualifiedName()));
		}
		if (object instanceof Sequence sequence) {
			return new FileKey(Folder.SEQUENCES, fileName(sequence.name()));
		}
		if (object instanceof Table table) {
			return new FileKey(Folder.TABLES, fileName(table.name()));
		}
		if (object instanceof View view) {
			return new FileKey(view.materialized() ? Folder.MATERIALIZED_VIEWS : Folder.VIEWS, fileName(view.name()));
		}
		if (object instanceof Routine routine) {
			return new FileKey(Folder.FUNCTIONS,
					fileName(routine.signature().substring(0, routine.signature().indexOf('('))));
		}
		return new FileKey(Folder.DEFERRED, "deferred");
	}

	/**
	 * The schema and unquoted name of a top-level object, for {@code --schemas} and
	 * {@code --exclude}.
	 * @param object the object
	 * @return {@code [schema, name]}; the schema is {@code null} for extensions
	 */
	static String[] schemaAndName(CatalogObject object) {
		String qualified;
		if (object instanceof Schema schema) {
			return new String[] { Identifiers.unquote(schema.name()), Identifiers.unquote(schema.name()) };
		}
		if (object instanceof Extension extension) {
			return new String[] { null, Identifiers.unquote(extension.name()) };
		}
		if (object instanceof Routine routine) {
			qualified = routine.signature().substring(0, routine.signature().indexOf('('));
		}
		else {
			qualified = object.id().qualifiedName();
		}
		int dot = lastDot(qualified);
		return new String[] { Identifiers.unquote(qualified.substring(0, dot)),
				Identifiers.unquote(qualified.substring(dot + 1)) };
	}

	private ObjectId relation(String name) {
		for (String kind : List.of("table", "view", "materialized view")) {
			if (this.catalog.get(ObjectId.of(kind, name)) != null) {
				return ObjectId.of(kind, name);
			}
		}
		return ObjectId.of("table", name);
	}

	/**
	 * A file name for a qualified name: the unquoted name, prefixed with its schema
	 * unless that is {@code public}; characters that are awkward in file names become
	 * {@code _}.
	 */
	static String fileName(String qualified) {
		int dot = lastDot(qualified);
		String schema = (dot > 0) ? Identifiers.unquote(qualified.substring(0, dot)) : "public";
		String name = Identifiers.unquote(qualified.substring(dot + 1));
		String text = "public".equals(schema) ? name : schema + "." + name;
		return text.replaceAll("[^\\p{L}\\p{N}_.-]", "_").toLowerCase(Locale.ROOT);
	}

	/** The position of the dot that ends the schema part of a qualified name, or -1. */
	static int lastDot(String qualified) {
		boolean quoted = false;
		int last = -1;
		for (int i = 0; i < qualified.length(); i++) {
			char c = qualified.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == '.' && !quoted) {
				last = i;
			}
		}
		return last;
	}

	/**
	 * The numbered folders of written schema files, in build order.
	 */
	enum Folder {

		COMMON("00_common"), TYPES("01_types"), SEQUENCES("02_sequences"), FUNCTIONS("03_functions"),
		TABLES("10_tables"), VIEWS("20_views"), MATERIALIZED_VIEWS("21_materialized_views"), POLICIES("30_policies"),
		DEFERRED("90_deferred");

		final String directory;

		Folder(String directory) {
			this.directory = directory;
		}

	}

	/**
	 * A schema file before it is numbered.
	 *
	 * @param folder its folder
	 * @param name its name without {@code .sql}
	 */
	record FileKey(Folder folder, String name) {

	}

}
