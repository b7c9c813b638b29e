package dev.confiture.core.coordinate;

import java.util.Objects;

/**
 * A database object an intent touches, with its name as PostgreSQL resolves it: unquoted
 * identifiers folded to lower case, quoted ones kept as written, the {@code public}
 * schema left out. Columns and constraints are named {@code table.name}.
 *
 * @param kind the kind of object
 * @param name the object's name
 */
public record TouchedObject(ObjectKind kind, String name) {

	public TouchedObject {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(name, "name");
	}

	/** Parses the stored form {@code kind:name}. */
	static TouchedObject decode(String encoded) {
		int colon = encoded.indexOf(':');
		return new TouchedObject(ObjectKind.of(encoded.substring(0, colon)), encoded.substring(colon + 1));
	}

	/** The stored form {@code kind:name}. */
	String encode() {
		return this.kind.value() + ":" + this.name;
	}

	@Override
	public String toString() {
		return this.kind.value() + " " + this.name;
	}

}
