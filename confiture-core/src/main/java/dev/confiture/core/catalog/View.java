package dev.confiture.core.catalog;

import java.util.List;

/**
 * A view or materialized view.
 *
 * @param name the schema-qualified, quoted name
 * @param materialized whether it is a materialized view
 * @param query the query from {@code pg_get_viewdef}, without the final semicolon
 * @param options its options ({@code security_barrier=true},
 * {@code check_option=local}...)
 */
public record View(String name, boolean materialized, String query, List<String> options) implements CatalogObject {

	public View {
		options = List.copyOf(options);
	}

	@Override
	public ObjectId id() {
		return ObjectId.of(this.materialized ? "materialized view" : "view", this.name);
	}

}
