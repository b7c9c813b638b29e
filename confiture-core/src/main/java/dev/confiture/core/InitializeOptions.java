package dev.confiture.core;

import java.util.Objects;

/**
 * What to do to a database when an application (or a test) starts.
 *
 * @param mode the startup policy
 * @param baselineOnFirstStart whether {@code AUTO}, on a database that has a schema but no
 * tracking table, marks every migration as applied instead of stopping
 */
public record InitializeOptions(Mode mode, boolean baselineOnFirstStart) {

	/** Checks the mode. */
	public InitializeOptions {
		Objects.requireNonNull(mode, "mode");
	}

	/** Options with a mode, stopping on a database that has a schema but no tracking table. */
	public InitializeOptions(Mode mode) {
		this(mode, false);
	}

	/** Options with a mode. */
	public static InitializeOptions of(Mode mode) {
		return new InitializeOptions(mode);
	}

	/** These options, baselining on a first start on an existing schema or not. */
	public InitializeOptions withBaselineOnFirstStart(boolean baselineOnFirstStart) {
		return new InitializeOptions(this.mode, baselineOnFirstStart);
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
