package dev.confiture.core.coordinate;

import java.util.List;

/**
 * The result of {@link CoordinationRegistry#check checking} planned work against the
 * active intents, without registering anything.
 *
 * @param agentId the agent that checked
 * @param touches the objects the planned work touches
 * @param conflicts the conflicts with other agents' active intents
 * @param unrecognised the planned statements that were not read and so not checked
 */
public record ConflictCheck(String agentId, List<TouchedObject> touches, List<Conflict> conflicts,
		List<UnrecognisedStatement> unrecognised) {

	public ConflictCheck {
		touches = List.copyOf(touches);
		conflicts = List.copyOf(conflicts);
		unrecognised = List.copyOf(unrecognised);
	}

	/** Whether any conflict was found. */
	public boolean hasConflicts() {
		return !this.conflicts.isEmpty();
	}

}
