package dev.confiture.core.diff;

import java.util.List;

import dev.confiture.core.catalog.ObjectId;

/**
 * One step of creating a catalog's objects, as planned by {@link SchemaDiff#creations}.
 *
 * @param object the identity of the object the step creates or completes (a sequence's
 * {@code OWNED BY} belongs to the sequence, a trigger's enablement to the trigger)
 * @param step the description and statements
 * @param after the positions of the earlier steps this one needs
 */
public record Creation(ObjectId object, Step step, List<Integer> after) {

	public Creation {
		after = List.copyOf(after);
	}

}
