package dev.confiture.core.api;

import java.util.Objects;

/**
 * Base class of every failure Confiture reports to a user. Each carries a {@link Category} (the
 * command line maps it to an exit code), a message that says what went wrong and where, and
 * optionally what to do next: a neutral hint, or a {@link Remedy} that each adapter words.
 */
public class ConfitureException extends RuntimeException {

	private final Category category;

	private final String hint;

	private final Remedy remedy;

	public ConfitureException(Category category, String message) {
		this(category, message, (String) null, null);
	}

	public ConfitureException(Category category, String message, String hint) {
		this(category, message, hint, null);
	}

	public ConfitureException(Category category, String message, String hint, Throwable cause) {
		this(category, message, hint, null, cause);
	}

	public ConfitureException(Category category, String message, Remedy remedy) {
		this(category, message, null, remedy, null);
	}

	public ConfitureException(Category category, String message, Remedy remedy, Throwable cause) {
		this(category, message, null, remedy, cause);
	}

	public ConfitureException(Category category, String message, String hint, Remedy remedy, Throwable cause) {
		super(message, cause);
		this.category = Objects.requireNonNull(category, "category");
		this.hint = hint;
		this.remedy = remedy;
	}

	/** The kind of failure; decides the exit code of the command line. */
	public Category category() {
		return this.category;
	}

	/**
	 * What the user can do about it in words that name no command-line flag nor property, or
	 * {@code null}. A failure with a {@link #remedy()} has no hint: its adapter words the remedy.
	 */
	public String hint() {
		return this.hint;
	}

	/** What the user can do about it, for each adapter to word, or {@code null}. */
	public Remedy remedy() {
		return this.remedy;
	}

	/**
	 * Kinds of failure. The command line maps each to its exit code.
	 */
	public enum Category {

		/** Any other failure, or "changes found" for reporting commands. */
		GENERIC,

		/** The database or project has not been initialised (e.g. no tracking table). */
		NOT_INITIALIZED,

		/** The database could not be reached or a statement failed. */
		DATABASE,

		/** The schema files could not be read, ordered or built. */
		SCHEMA,

		/** The configuration is missing or invalid. */
		CONFIG,

		/** The migration lock could not be acquired in time. */
		LOCK,

		/** A git operation failed. */
		GIT,

		/** A rollback was asked of a migration that has no down script. */
		IRREVERSIBLE

	}

}
