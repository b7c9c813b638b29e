package dev.confiture.core.coordinate;

import java.util.List;

/**
 * What an intent touches: the declared tables plus the objects named by its planned DDL.
 *
 * @param objects the touched objects, without duplicates, in the order first seen; a
 * statement that was not read appears as an {@link ObjectKind#UNKNOWN} object
 * @param unrecognised the statements that were not read
 */
public record Recognition(List<TouchedObject> objects, List<UnrecognisedStatement> unrecognised) {

	public Recognition {
		objects = List.copyOf(objects);
		unrecognised = List.copyOf(unrecognised);
	}

}
