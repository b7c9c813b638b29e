package dev.confiture.core.coordinate;

import java.util.ArrayList;
import java.util.List;

/**
 * A possibly schema-qualified name, each part as PostgreSQL resolves it. The
 * {@code public} schema is left out, so {@code public.users} and {@code users} are one
 * table.
 */
record DdlName(List<String> parts) {

	DdlName {
		parts = (parts.size() > 1 && parts.get(0).equals("public")) ? List.copyOf(parts.subList(1, parts.size()))
				: List.copyOf(parts);
	}

	String last() {
		return this.parts.get(this.parts.size() - 1);
	}

	DdlName parent() {
		return new DdlName(this.parts.subList(0, this.parts.size() - 1));
	}

	/** A member of this object, such as a column: {@code table.column}. */
	String member(String name) {
		return this + "." + name;
	}

	/** Another object in the same schema. */
	DdlName sibling(String name) {
		List<String> sibling = new ArrayList<>(this.parts.subList(0, this.parts.size() - 1));
		sibling.add(name);
		return new DdlName(sibling);
	}

	@Override
	public String toString() {
		return String.join(".", this.parts);
	}

}
