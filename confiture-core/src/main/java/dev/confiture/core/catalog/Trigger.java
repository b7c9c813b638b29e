package dev.confiture.core.catalog;

/**
 * A trigger on a table or view (not an internal one).
 *
 * @param table the table's schema-qualified, quoted name
 * @param name the quoted trigger name
 * @param definition the {@code CREATE TRIGGER} statement from {@code pg_get_triggerdef}
 * @param enabled {@code O} (origin, the default), {@code D} (disabled), {@code R}
 * (replica) or {@code A} (always)
 */
public record Trigger(String table, String name, String definition, String enabled) implements CatalogObject {

	@Override
	public ObjectId id() {
		return ObjectId.on("trigger", this.name, this.table);
	}

}
