package dev.confiture.core.coordinate;

import java.util.List;

/**
 * The result of moving an intent to another status.
 *
 * @param intent the intent after the change
 * @param previousStatus its status before
 * @param resolvedConflicts how many open conflicts the change resolved
 * @param releasedIntents ids of conflicted intents that had no open conflict left and
 * went back to {@link IntentStatus#REGISTERED}
 */
public record StatusChange(Intent intent, IntentStatus previousStatus, int resolvedConflicts,
		List<String> releasedIntents) {

	public StatusChange {
		releasedIntents = List.copyOf(releasedIntents);
	}

}
