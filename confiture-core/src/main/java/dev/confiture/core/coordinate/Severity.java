package dev.confiture.core.coordinate;

import java.util.Locale;

/**
 * How serious a conflict between two intents is.
 */
public enum Severity {

	/** Both intents work on the same table: they can proceed if the agents coordinate. */
	WARNING,

	/** Both intents change the same column, index, constraint or function. */
	ERROR;

	/** The lower-case name used in storage and JSON. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Severity of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
