package dev.confiture.core.coordinate;

import java.time.Instant;

/**
 * Two intents of different agents that touch the same object. A conflict found by
 * {@link CoordinationRegistry#check check} is not stored and has no id, no intent and no
 * times.
 *
 * @param id the stored conflict's id, or {@code null}
 * @param intentId the intent that was registered second, or {@code null} for a check
 * @param agentId the agent of that intent (or of the check)
 * @param otherIntentId the active intent it conflicts with
 * @param otherAgentId the agent of that intent
 * @param kind the kind of the shared object
 * @param object the shared object's name
 * @param severity {@link Severity#WARNING} for a table, {@link Severity#ERROR} otherwise
 * @param suggestion what to do about it
 * @param createdAt when it was recorded, or {@code null}
 * @param resolvedAt when one of the two intents was completed or abandoned, or
 * {@code null} while it is open
 */
public record Conflict(Long id, String intentId, String agentId, String otherIntentId, String otherAgentId,
		ObjectKind kind, String object, Severity severity, String suggestion, Instant createdAt, Instant resolvedAt) {

	/** Whether neither intent has been completed or abandoned since. */
	public boolean isOpen() {
		return this.resolvedAt == null;
	}

}
