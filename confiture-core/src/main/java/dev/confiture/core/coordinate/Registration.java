package dev.confiture.core.coordinate;

import java.util.List;

/**
 * The result of {@link CoordinationRegistry#register registering} an intent.
 *
 * @param intent the stored intent, {@link IntentStatus#CONFLICTED} if there are conflicts
 * @param conflicts the conflicts found and recorded
 * @param unrecognised the planned statements that were not read and so not checked
 */
public record Registration(Intent intent, List<Conflict> conflicts, List<UnrecognisedStatement> unrecognised) {

	public Registration {
		conflicts = List.copyOf(conflicts);
		unrecognised = List.copyOf(unrecognised);
	}

	/** Whether the intent conflicts with another agent's active intent. */
	public boolean hasConflicts() {
		return !this.conflicts.isEmpty();
	}

}
