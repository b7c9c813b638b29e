package dev.confiture.core.build;

/**
 * How to build.
 *
 * @param schemaOnly leave the seed files out
 * @param existing what to do when the target database is not empty
 * @param proveBaseline whether to prove, before marking the migrations as applied, that
 * the schema files already contain each of them (on by default)
 */
public record BuildOptions(boolean schemaOnly, ExistingObjects existing, boolean proveBaseline) {

	/**
	 * Options with the baseline proof on.
	 * @param schemaOnly leave the seed files out
	 * @param existing what to do when the target database is not empty
	 */
	public BuildOptions(boolean schemaOnly, ExistingObjects existing) {
		this(schemaOnly, existing, true);
	}

	/** Schema and seeds; a non-empty database is refused; the baseline is proven. */
	public static BuildOptions defaults() {
		return new BuildOptions(false, ExistingObjects.REFUSE, true);
	}

	/** These options without seed files. */
	public BuildOptions withSchemaOnly(boolean schemaOnly) {
		return new BuildOptions(schemaOnly, this.existing, this.proveBaseline);
	}

	/** These options with another policy for a non-empty database. */
	public BuildOptions withExisting(ExistingObjects existing) {
		return new BuildOptions(this.schemaOnly, existing, this.proveBaseline);
	}

	/**
	 * These options with the baseline proof on or off. Off, a migration whose effect is
	 * missing from the schema files is marked as applied all the same, and fresh
	 * databases lack it.
	 */
	public BuildOptions withBaselineProof(boolean proveBaseline) {
		return new BuildOptions(this.schemaOnly, this.existing, proveBaseline);
	}

	/**
	 * What a build does when the target database already holds objects.
	 */
	public enum ExistingObjects {

		/** Fail, naming what is there (the default). */
		REFUSE,

		/**
		 * Do nothing and report the build as skipped (a build asked only for an empty
		 * database).
		 */
		SKIP,

		/**
		 * Drop the user schemas in the same transaction as the build
		 * ({@code --drop-existing}).
		 */
		DROP

	}

}
