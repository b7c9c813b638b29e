package dev.confiture.core.build;

/**
 * How to build.
 *
 * @param schemaOnly leave the seed files out
 * @param existing what to do when the target database is not empty
 */
public record BuildOptions(boolean schemaOnly, ExistingObjects existing) {

	/** Schema and seeds; a non-empty database is refused. */
	public static BuildOptions defaults() {
		return new BuildOptions(false, ExistingObjects.REFUSE);
	}

	/** These options without seed files. */
	public BuildOptions withSchemaOnly(boolean schemaOnly) {
		return new BuildOptions(schemaOnly, this.existing);
	}

	/** These options with another policy for a non-empty database. */
	public BuildOptions withExisting(ExistingObjects existing) {
		return new BuildOptions(this.schemaOnly, existing);
	}

	/**
	 * What a build does when the target database already holds objects.
	 */
	public enum ExistingObjects {

		/** Fail, naming what is there (the default). */
		REFUSE,

		/** Do nothing and report the build as skipped ({@code --if-empty}). */
		SKIP,

		/** Drop the user schemas in the same transaction as the build ({@code --drop-existing}). */
		DROP

	}

}
