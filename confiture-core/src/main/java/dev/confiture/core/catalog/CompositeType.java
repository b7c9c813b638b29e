package dev.confiture.core.catalog;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A composite type. Attributes are compared by name; their order is kept for creation.
 *
 * @param name the schema-qualified, quoted name
 * @param attributes quoted attribute name to type (with {@code COLLATE} when not the
 * default)
 */
public record CompositeType(String name, Map<String, String> attributes) implements CatalogObject {

	public CompositeType {
		attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
	}

	@Override
	public ObjectId id() {
		return ObjectId.of("type", this.name);
	}

}
