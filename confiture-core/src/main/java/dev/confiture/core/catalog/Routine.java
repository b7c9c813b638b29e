package dev.confiture.core.catalog;

/**
 * A function or procedure (not an aggregate).
 *
 * @param signature the schema-qualified name with identity argument types, e.g.
 * {@code public.touch(integer)}
 * @param procedure whether it is a procedure
 * @param arguments the full argument list (names, modes, defaults)
 * @param result the result type, or {@code null} for a procedure
 * @param definition the {@code CREATE OR REPLACE} statement from
 * {@code pg_get_functiondef}
 */
public record Routine(String signature, boolean procedure, String arguments, String result,
		String definition) implements CatalogObject {

	@Override
	public ObjectId id() {
		return ObjectId.of(this.procedure ? "procedure" : "function", this.signature);
	}

}
