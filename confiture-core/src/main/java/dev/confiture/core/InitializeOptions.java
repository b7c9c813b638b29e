package dev.confiture.core;

import java.util.Objects;
import java.util.function.Consumer;

import dev.confiture.core.migrate.StatusReport;

/**
 * What to do to a database when an application (or a test) starts.
 *
 * @param mode the startup policy
 * @param proveBaseline whether a build proves that the schema files contain its
 * migrations
 * @param baselineOnFirstStart whether {@code AUTO}, on a database that has a schema but
 * no tracking table, marks every migration as applied instead of stopping
 * @param beforeApplying called with the status just read when pending migrations are
 * about to be applied (a gate such as lint may throw to stop them), or {@code null};
 * never called when nothing is pending or when the database is built
 */
public record InitializeOptions(Mode mode, boolean proveBaseline, boolean baselineOnFirstStart,
		Consumer<StatusReport> beforeApplying) {

	/** Checks the mode. */
	public InitializeOptions {
		Objects.requireNonNull(mode, "mode");
	}

	/**
	 * Options with the baseline proof on, stopping on a database that has a schema but no
	 * tracking table.
	 * @param mode what to do
	 */
	public InitializeOptions(Mode mode) {
		this(mode, true, false, null);
	}

	/**
	 * Options with a mode and the defaults.
	 * @param mode what to do
	 * @return new options
	 */
	public static InitializeOptions of(Mode mode) {
		return new InitializeOptions(mode);
	}

	/**
	 * These options with the baseline proof of a build on or off (on by default; see
	 * {@code BuildOptions#withBaselineProof}).
	 * @param proveBaseline whether a build proves that the schema files contain its
	 * migrations
	 * @return new options
	 */
	public InitializeOptions withBaselineProof(boolean proveBaseline) {
		return new InitializeOptions(this.mode, proveBaseline, this.baselineOnFirstStart, this.beforeApplying);
	}

	/**
	 * These options, baselining on a first start on an existing schema or not.
	 * @param baselineOnFirstStart whether to mark every migration as applied there
	 * @return new options
	 */
	public InitializeOptions withBaselineOnFirstStart(boolean baselineOnFirstStart) {
		return new InitializeOptions(this.mode, this.proveBaseline, baselineOnFirstStart, this.beforeApplying);
	}

	/**
	 * These options with a gate run on the status just read, before pending migrations
	 * are applied; the status is not read again for it.
	 * @param beforeApplying the gate, or {@code null}
	 * @return new options
	 */
	public InitializeOptions withBeforeApplying(Consumer<StatusReport> beforeApplying) {
		return new InitializeOptions(this.mode, this.proveBaseline, this.baselineOnFirstStart, beforeApplying);
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

		/**
		 * Change nothing; fail when the database is not initialised, a migration is
		 * pending or changed.
		 */
		VALIDATE,

		/** Do nothing. */
		NONE

	}

}
