package dev.confiture.core.coordinate;

import java.util.Locale;

/**
 * Kinds of database object an intent touches. Two intents of different agents that touch
 * the same table conflict with a {@link Severity#WARNING warning}; the same column,
 * index, constraint or function, with an {@link Severity#ERROR error}. {@link #UNKNOWN}
 * marks a planned statement the recogniser could not read: it is reported, never matched.
 */
public enum ObjectKind {

	/** A table (or view). */
	TABLE,

	/** A column, named {@code table.column}. */
	COLUMN,

	/** An index. */
	INDEX,

	/** A constraint, named {@code table.constraint}. */
	CONSTRAINT,

	/** A function or procedure (all overloads of the name). */
	FUNCTION,

	/** A statement that was not understood, named by its line and first keywords. */
	UNKNOWN;

	/** The lower-case name used in storage and JSON. */
	public String value() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The severity of two intents touching the same object of this kind. */
	Severity severity() {
		return (this == TABLE) ? Severity.WARNING : Severity.ERROR;
	}

	static ObjectKind of(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

}
