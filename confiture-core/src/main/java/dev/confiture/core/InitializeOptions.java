package dev.confiture.core;

import java.util.Objects;

/**
 * What to do to a database when an application (or a test) starts.
 *
 * @param mode the startup policy
 */
public record InitializeOptions(Mode mode, boolean proveBaseline) {

	/** Checks the mode. */
	public InitializeOptions {
		Objects.requireNonNull(mode, "mode");
	}

	/** Options with a mode. */
	/**
	 * Options with the baseline proof on.
	 * @param mode what to do
	 */
	public InitializeOptions(Mode mode) {
		this(mode, true);
	}

	public static InitializeOptions of(Mode mode) {
		return new InitializeOptions(mode, true);
	}

	/**
	 * These options with the baseline proof of a build on or off (on by default; see
	 * {@code BuildOptions#withBaselineProof}).
	 * @param proveBaseline whether a build proves that the schema files contain its migrations
	 * @return new options
	 */
	public InitializeOptions withBaselineProof(boolean proveBaseline) {
		return new InitializeOptions(this.mode, proveBaseline);
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
