package dev.confiture.core.coordinate;

import java.util.Locale;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * Where an intent is in its life. {@link #REGISTERED}, {@link #IN_PROGRESS} and
 * {@link #CONFLICTED} intents are active and can conflict with others; {@link #COMPLETED}
 * and {@link #ABANDONED} intents are final and never conflict.
 */
public enum IntentStatus {

	/**
	 * Registered, no conflict when it was registered (or its conflicts were resolved
	 * since).
	 */
	REGISTERED,

	/** The agent has started the work. */
	IN_PROGRESS,

	/** The work is done. */
	COMPLETED,

	/** The work was given up. */
	ABANDONED,

	/** Registered while another agent's active intent touched the same objects. */
	CONFLICTED;

	/** Whether intents in this status can conflict with others. */
	public boolean isActive() {
		return this == REGISTERED || this == IN_PROGRESS || this == CONFLICTED;
	}

	/** The lower-case name used in storage and JSON. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * The status with the given name, in any case.
	 * @param value a status name such as {@code in_progress}
	 * @return the status
	 * @throws ConfitureException if there is no such status
	 */
	public static IntentStatus of(String value) {
		for (IntentStatus status : values()) {
			if (status.name().equalsIgnoreCase(value.trim().replace('-', '_'))) {
				return status;
			}
		}
		throw new ConfitureException(Category.CONFIG, "Unknown intent status '" + value + "'",
				"Use one of registered, in_progress, completed, abandoned, conflicted");
	}

}
