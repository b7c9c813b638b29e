package dev.confiture.core.api;

import java.util.List;
import java.util.Objects;

/**
 * Base class of every failure Confiture reports to a user. Each carries a
 * {@link Category} (the command line maps it to an exit code), a message that says what
 * went wrong and where, and optionally what to do next: a neutral hint, or a
 * {@link Remedy} that each adapter words.
 */
public class ConfitureException extends RuntimeException {

	private final Category category;

	private final String hint;

	private final Remedy remedy;

	private List<String> details = List.of();

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

	/** The kind of failure; the command line maps it to its exit code. */
	public Category category() {
		return this.category;
	}

	/**
	 * What the user can do about it in words that name no command-line flag nor property,
	 * or {@code null}. A failure with a {@link #remedy()} has no hint: its adapter words
	 * the remedy.
	 */
	public String hint() {
		return this.hint;
	}

	/** What the user can do about it, for each adapter to word, or {@code null}. */
	public Remedy remedy() {
		return this.remedy;
	}

	/**
	 * Every item of a list that the message shortens (for JSON output), possibly empty.
	 */
	public List<String> details() {
		return this.details;
	}

	/**
	 * Attaches the full list that the message shortens.
	 * @param details every item
	 * @return this exception
	 */
	public ConfitureException withDetails(List<String> details) {
		this.details = List.copyOf(details);
		return this;
	}

	/**
	 * Shortens a list for a message: the first few items, then "and N more".
	 * @param items the items
	 * @param separator between items
	 * @return the text
	 */
	public static String summarize(List<String> items, String separator) {
		int shown = 5;
		if (items.size() <= shown + 1) {
			return String.join(separator, items);
		}
		return String.join(separator, items.subList(0, shown)) + separator + "and " + (items.size() - shown) + " more";
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
		IRREVERSIBLE,

		/**
		 * The process was asked to stop (a signal): the running statement was cancelled
		 * and its transaction rolled back.
		 */
		INTERRUPTED

	}

}
