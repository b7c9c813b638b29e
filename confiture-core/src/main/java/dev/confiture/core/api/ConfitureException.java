package dev.confiture.core.api;

import java.util.Objects;

/**
 * Base class of every failure Confiture reports to a user. Each carries a {@link Category} that
 * decides the command-line exit code, a message that says what went wrong and where, and an
 * optional hint that says what to do next.
 */
public class ConfitureException extends RuntimeException {

	private final Category category;

	private final String hint;

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
		IRREVERSIBLE(8);

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
