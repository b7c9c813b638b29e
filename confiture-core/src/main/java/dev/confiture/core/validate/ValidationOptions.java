package dev.confiture.core.validate;

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
 */
public record ValidationOptions(String baseRef, boolean staged, boolean requireMigration, boolean checkDrift) {

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
