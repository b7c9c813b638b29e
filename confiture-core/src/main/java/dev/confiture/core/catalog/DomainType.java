package dev.confiture.core.catalog;

import java.util.Map;

/**
 * A domain.
 *
 * @param name the schema-qualified, quoted name
 * @param baseType the base type, as {@code format_type} gives it
 * @param collation the collation when it differs from the base type's, or {@code null}
 * @param defaultExpression the default, or {@code null}
 * @param notNull whether {@code NOT NULL}
 * @param constraints the check constraints: name to definition
 */
public record DomainType(String name, String baseType, String collation, String defaultExpression, boolean notNull,
		Map<String, String> constraints) implements CatalogObject {

	public DomainType {
		constraints = Map.copyOf(constraints);
	}

	@Override
	public ObjectId id() {
		return ObjectId.of("type", this.name);
	}

}
