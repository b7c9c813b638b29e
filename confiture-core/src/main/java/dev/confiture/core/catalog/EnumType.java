package dev.confiture.core.catalog;

import java.util.List;

/**
 * An enum type.
 *
 * @param name the schema-qualified, quoted name
 * @param labels the labels in sort order
 */
public record EnumType(String name, List<String> labels) implements CatalogObject {

	public EnumType {
		labels = List.copyOf(labels);
	}

	@Override
	public ObjectId id() {
		return ObjectId.of("type", this.name);
	}

}
