package dev.confiture.core.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogObject;
import dev.confiture.core.catalog.Column;
import dev.confiture.core.catalog.CompositeType;
import dev.confiture.core.catalog.DomainType;
import dev.confiture.core.catalog.EnumType;
import dev.confiture.core.catalog.ObjectId;
import dev.confiture.core.catalog.Table;
import dev.confiture.core.internal.Identifiers;

/**
 * Enum, domain and composite types: created, dropped and altered in place where
 * PostgreSQL can; an enum type that loses or reorders labels (or whose new labels the
 * migration uses) is created again, its columns cast through {@code text}.
 */
final class TypeChanges {

	private final Planner planner;

	private final Catalog from;

	private final Catalog to;

	TypeChanges(Planner planner, Catalog from, Catalog to) {
		this.planner = planner;
		this.from = from;
		this.to = to;
	}

	void create(EnumType type) {
		this.planner.newChange("create type " + type.name(), Priority.CREATE_TYPE)
			.sql(createEnum(type.name(), type.labels()))
			.provides(type.id(), "name " + type.name());
	}

	void create(DomainType domain) {
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
			.forEach((check) -> sql.append(" CONSTRAINT ").append(check.getKey()).append(' ').append(check.getValue()));
		this.planner.newChange("create domain " + domain.name(), Priority.CREATE_TYPE)
			.sql(sql.toString())
			.provides(domain.id(), "name " + domain.name());
	}

	void create(CompositeType type) {
		List<String> attributes = new ArrayList<>();
		type.attributes().forEach((name, attributeType) -> attributes.add(name + " " + attributeType));
		this.planner.newChange("create type " + type.name(), Priority.CREATE_TYPE)
			.sql("CREATE TYPE " + type.name() + " AS (" + String.join(", ", attributes) + ")")
			.provides(type.id(), "name " + type.name());
	}

	void drop(DomainType domain) {
		this.planner.newChange("drop domain " + domain.name(), Priority.DROP_TYPE)
			.sql("DROP DOMAIN " + domain.name())
			.removes(domain.id(), "name " + domain.name());
	}

	/** Drops an enum or a composite type. */
	void drop(CatalogObject type) {
		String name = type.id().qualifiedName();
		this.planner.newChange("drop type " + name, Priority.DROP_TYPE)
			.sql("DROP TYPE " + name)
			.removes(type.id(), "name " + name);
	}

	void alter(EnumType before, EnumType after) {
		String name = after.name();
		if (NewEnumValues.addsValuesOnly(this.from, this.to, before, after)) {
			Change change = this.planner.newChange("add values to type " + name, Priority.CREATE_TYPE)
				.provides(after.id());
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
		Change change = this.planner
			.newChange("recreate type " + name + " with labels " + after.labels(), Priority.CREATE_TYPE)
			.sql("ALTER TYPE " + name + " RENAME TO " + Names.quote(Names.unquote(parts[1]) + "__old"))
			.sql(createEnum(name, after.labels()))
			.removes(after.id(), "name " + name)
			.provides(after.id(), "name " + name);
		List<ObjectId> columns = this.planner.replacements().enumColumns(after.id());
		for (ObjectId columnId : columns) {
			ObjectId tableId = this.from.dependencies().tableOf(columnId);
			Table table = (Table) this.to.get(tableId);
			Column previous = ((Table) this.from.get(tableId)).columns().get(columnId.member());
			Column column = table.columns().get(columnId.member());
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
		else if (!columns.isEmpty()) {
			change.hazard(HazardType.TABLE_REWRITE, "columns of type " + name + " are rewritten to " + (NewEnumValues
				.isAddOnly(before.labels(), after.labels())
						? "use its new values in the same transaction (a value added by ADD VALUE cannot be used before it commits)"
						: "reorder its values"));
		}
	}

	void alter(DomainType before, DomainType after) {
		String name = after.name();
		Change change = this.planner.newChange("alter domain " + name, Priority.CREATE_TYPE)
			.removes(after.id())
			.provides(after.id());
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

	void alter(CompositeType a, CompositeType b) {
		ObjectId id = b.id();
		Change change = this.planner.newChange("alter type " + b.name(), Priority.CREATE_TYPE).removes(id).provides(id);
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

	private static String createEnum(String name, List<String> labels) {
		return "CREATE TYPE " + name + " AS ENUM (" + String.join(", ", labels.stream().map(Names::literal).toList())
				+ ")";
	}

}
