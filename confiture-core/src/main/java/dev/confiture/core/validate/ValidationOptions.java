package dev.confiture.core.validate;

import dev.confiture.core.lint.LintMode;

/**
 * What {@link GitSchemaValidator} checks, and between which sides.
 *
 * @param baseRef the ref to compare with ({@code --base-ref}), or {@code null} for the
 * default: {@value #DEFAULT_BASE_REF} for committed changes, {@code HEAD} with
 * {@code staged}
 * @param staged whether to judge the index (staged changes) instead of {@code HEAD}
 * @param requireMigration whether a change of the schema files must come with a new or
 * changed migration
 * @param checkDrift whether the new migrations must turn the base's schema into the new
 * schema files, object by object; when neither check is asked for, both run
 * @param lint how the migrations added since the base are linted: {@link LintMode#FAIL} fails
 * the validation on lint errors, {@link LintMode#WARN} lists the findings, {@link LintMode#OFF}
 * skips the lint; {@code null} for the environment's lint mode
 */
public record ValidationOptions(String baseRef, boolean staged, boolean requireMigration, boolean checkDrift,
		LintMode lint) {

	/** The ref committed changes are compared with unless told otherwise. */
	public static final String DEFAULT_BASE_REF = "origin/main";

	/** The name of the check that a schema change comes with a migration. */
	public static final String REQUIRE_MIGRATION = GitSchemaValidator.REQUIRE_MIGRATION;

	public ValidationOptions {
		baseRef = (baseRef != null && baseRef.isBlank()) ? null : baseRef;
		if (!requireMigration && !checkDrift) {
			requireMigration = true;
			checkDrift = true;
		}
	}

	/**
	 * The checks, with the environment's lint mode.
	 * @param baseRef the ref, or {@code null} for the default
	 * @param staged whether to judge the index
	 * @param requireMigration whether a schema change needs a migration
	 * @param checkDrift whether the new migrations must reach the new schema files
	 */
	public ValidationOptions(String baseRef, boolean staged, boolean requireMigration, boolean checkDrift) {
		this(baseRef, staged, requireMigration, checkDrift, null);
	}

	/**
	 * The same checks with another lint mode.
	 * @param mode the lint mode, or {@code null} for the environment's
	 * @return the options
	 */
	public ValidationOptions withLint(LintMode mode) {
		return new ValidationOptions(this.baseRef, this.staged, this.requireMigration, this.checkDrift, mode);
	}

	/**
	 * Both checks, committed changes compared with a ref.
	 * @param baseRef the ref, or {@code null} for {@value #DEFAULT_BASE_REF}
	 * @return the options
	 */
	public static ValidationOptions committed(String baseRef) {
		return new ValidationOptions(baseRef, false, true, true);
	}

	/**
	 * Both checks, staged changes compared with {@code HEAD}.
	 * @return the options
	 */
	public static ValidationOptions stagedChanges() {
		return new ValidationOptions(null, true, true, true);
	}

}
