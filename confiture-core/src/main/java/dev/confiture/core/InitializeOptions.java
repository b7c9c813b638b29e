package dev.confiture.core;

import java.util.Objects;

/**
 * What to do to a database when an application (or a test) starts.
 *
 * @param mode the startup policy
 */
public record InitializeOptions(Mode mode) {

	/** Checks the mode. */
	public InitializeOptions {
		Objects.requireNonNull(mode, "mode");
	}

	/** Options with a mode. */
	public static InitializeOptions of(Mode mode) {
		return new InitializeOptions(mode);
	}

	/**
	 * The startup policy.
	 */
	public enum Mode {

		/** Build an empty database from the schema files, else migrate it. */
		AUTO,

		/** Build from the schema files; a non-empty database is refused. */
		BUILD,

		/** Apply pending migrations. */
		MIGRATE,

		/** Change nothing; fail when the database is not initialised, a migration is pending or changed. */
		VALIDATE,

		/** Do nothing. */
		NONE

	}

}
