package dev.confiture.core.api;

import java.util.List;
import java.util.Objects;

/**
 * Base class of every failure Confiture reports to a user. Each carries a {@link Category} that
 * decides the command-line exit code, a message that says what went wrong and where, and an
 * optional hint that says what to do next.
 */
public class ConfitureException extends RuntimeException {

	private final Category category;

	private final String hint;

	private List<String> details = List.of();

	public ConfitureException(Category category, String message) {
		this(category, message, null, null);
	}

	public ConfitureException(Category category, String message, String hint) {
		this(category, message, hint, null);
	}

	public ConfitureException(Category category, String message, String hint, Throwable cause) {
		super(message, cause);
		this.category = Objects.requireNonNull(category, "category");
		this.hint = hint;
	}

	/** The kind of failure; decides the exit code of the command line. */
	public Category category() {
		return this.category;
	}

	/** What the user can do about it, or {@code null}. */
	public String hint() {
		return this.hint;
	}

	/** Every item of a list that the message shortens (for JSON output), possibly empty. */
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
		return String.join(separator, items.subList(0, shown)) + separator + "and " + (items.size() - shown)
				+ " more";
	}

	/**
	 * Kinds of failure, each with the exit code the command line uses for it.
	 */
	public enum Category {

		/** Any other failure, or "changes found" for reporting commands. */
		GENERIC(1),

		/** The database or project has not been initialised (e.g. no tracking table). */
		NOT_INITIALIZED(2),

		/** The database could not be reached or a statement failed. */
		DATABASE(3),

		/** The schema files could not be read, ordered or built. */
		SCHEMA(4),

		/** The configuration is missing or invalid. */
		CONFIG(5),

		/** The migration lock could not be acquired in time. */
		LOCK(6),

		/** A git operation failed. */
		GIT(7),

		/** A rollback was asked of a migration that has no down script. */
		IRREVERSIBLE(8),

		/**
		 * The process was asked to stop (a signal): the running statement was cancelled and
		 * its transaction rolled back.
		 */
		INTERRUPTED(143);

		private final int exitCode;

		Category(int exitCode) {
			this.exitCode = exitCode;
		}

		/** The exit code the command line uses for this kind of failure. */
		public int exitCode() {
			return this.exitCode;
		}

	}

}
