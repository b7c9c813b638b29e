package dev.confiture.core.coordinate;

import java.util.Locale;

/**
 * How risky an intent's schema change is, as its agent judges it. Informational: it is
 * stored and shown, and does not change how conflicts are found.
 */
public enum RiskLevel {

	/** Additive and easy to undo. */
	LOW,

	/** Changes existing objects. */
	MEDIUM,

	/** Can lose data or lock busy tables. */
	HIGH,

	/** Needs a plan and people watching. */
	CRITICAL;

	/** The lower-case name used in storage and JSON. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	static RiskLevel of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
