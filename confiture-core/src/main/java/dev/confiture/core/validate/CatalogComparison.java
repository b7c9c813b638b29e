package dev.confiture.core.validate;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import dev.confiture.core.catalog.Catalog;
import dev.confiture.core.catalog.CatalogObject;
import dev.confiture.core.catalog.Column;
import dev.confiture.core.catalog.ObjectId;
import dev.confiture.core.catalog.Table;

/**
 * Names, object by object, how the schema that the migrations produce differs from the
 * schema that the schema files define. The schema before the migrations tells who is
 * missing a change: a difference that the migrations introduced is the schema files' to
 * catch up with, one that the schema files introduced needs a migration.
 */
final class CatalogComparison {

	private static final Pattern PUBLIC_SCHEMA = Pattern.compile("(^|[ (,])public\\.");

	private final Catalog before;

	private final Catalog migrated;

	private final Catalog files;

	private final String schemaLabel;

	/**
	 * Creates a comparison.
	 * @param before the schema at the base, before the new migrations
	 * @param migrated the schema at the base after the new migrations
	 * @param files the schema that the new schema files define
	 * @param schemaLabel how to name the schema files in messages ({@code db/schema})
	 */
	CatalogComparison(Catalog before, Catalog migrated, Catalog files, String schemaLabel) {
		this.before = before;
		this.migrated = migrated;
		this.files = files;
		this.schemaLabel = schemaLabel;
	}

	/**
	 * Every difference, one sentence each, in catalog order; empty when there is none.
	 */
	List<String> differences() {
		List<String> differences = new ArrayList<>();
		Set<ObjectId> ids = new LinkedHashSet<>(this.migrated.objects().keySet());
		ids.addAll(this.files.objects().keySet());
		for (ObjectId id : ids) {
			CatalogObject migrated = this.migrated.get(id);
			CatalogObject files = this.files.get(id);
			CatalogObject before = this.before.get(id);
			if (Objects.equals(migrated, files)) {
				continue;
			}
			if (migrated instanceof Table migratedTable && files instanceof Table filesTable) {
				compareTables((before instanceof Table table) ? table : null, migratedTable, filesTable, differences);
			}
			else {
				compare(display(id.toString()), before, migrated, files, differences);
			}
		}
		return differences;
	}

	private void compareTables(Table before, Table migrated, Table files, List<String> differences) {
		Set<String> columns = new LinkedHashSet<>(migrated.columns().keySet());
		columns.addAll(files.columns().keySet());
		for (String column : columns) {
			compare("column " + display(migrated.name()) + "." + column,
					(before != null) ? before.columns().get(column) : null, migrated.columns().get(column),
					files.columns().get(column), differences);
		}
		List<String> properties = properties(migrated, files);
		if (!properties.isEmpty()) {
			differences.add(changed("table " + display(migrated.name()), before, migrated, files, properties));
		}
	}

	private void compare(String name, Object before, Object migrated, Object files, List<String> differences) {
		if (Objects.equals(migrated, files)) {
			return;
		}
		if (files == null) {
			differences.add((before == null) ? "migration adds " + name + " but " + this.schemaLabel + " does not"
					: this.schemaLabel + " drops " + name + " but no migration drops it");
		}
		else if (migrated == null) {
			differences.add((before == null) ? this.schemaLabel + " adds " + name + " but no migration creates it"
					: "migration drops " + name + " but " + this.schemaLabel + " keeps it");
		}
		else {
			differences.add(changed(name, before, migrated, files, properties(migrated, files)));
		}
	}

	private String changed(String name, Object before, Object migrated, Object files, List<String> properties) {
		String how = " (" + String.join("; ", properties) + ")";
		if (before != null && properties(before, files).isEmpty()) {
			return "migration changes " + name + " but " + this.schemaLabel + " does not" + how;
		}
		if (before != null && properties(before, migrated).isEmpty()) {
			return this.schemaLabel + " changes " + name + " but no migration does" + how;
		}
		return name + " differs between the migrations and " + this.schemaLabel + how;
	}

	/**
	 * The record components that differ, each as
	 * {@code name: migrated value vs files value}; a table's columns are compared on
	 * their own.
	 */
	private List<String> properties(Object migrated, Object files) {
		List<String> properties = new ArrayList<>();
		if (!migrated.getClass().equals(files.getClass()) || !migrated.getClass().isRecord()) {
			if (!migrated.equals(files)) {
				properties.add(migrated + " after the migrations, " + files + " in " + this.schemaLabel);
			}
			return properties;
		}
		for (RecordComponent component : migrated.getClass().getRecordComponents()) {
			if (migrated instanceof Table && component.getName().equals("columns")) {
				continue;
			}
			Object a = value(component, migrated);
			Object b = value(component, files);
			if (!Objects.equals(a, b)) {
				properties.add(component.getName() + ": " + text(a) + " after the migrations, " + text(b) + " in "
						+ this.schemaLabel);
			}
		}
		if (migrated instanceof Column && properties.isEmpty() && !migrated.equals(files)) {
			properties.add(((Column) migrated).definition() + " vs " + ((Column) files).definition());
		}
		return properties;
	}

	private static Object value(RecordComponent component, Object record) {
		try {
			return component.getAccessor().invoke(record);
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException("Could not read " + component + " of " + record, ex);
		}
	}

	private static String text(Object value) {
		if (value == null) {
			return "none";
		}
		String text = value.toString().strip().replaceAll("\\s+", " ");
		return (value instanceof String) ? "'" + text + "'" : text;
	}

	/**
	 * An object's identity or name without the {@code public.} schema:
	 * {@code table users}, {@code index idx_users_email}.
	 * @param id the identity or qualified name
	 * @return the name for messages
	 */
	static String display(String id) {
		return PUBLIC_SCHEMA.matcher(id).replaceAll("$1");
	}

}
