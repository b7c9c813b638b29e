package dev.confiture.core.build;

import java.util.List;

/**
 * Follows the progress of a build, e.g. to print it. Every method does nothing by
 * default.
 */
public interface BuildListener {

	/** A listener that ignores everything. */
	BuildListener NONE = new BuildListener() {
	};

	/**
	 * The files have been found, before connecting.
	 * @param sources the files
	 * @param schemaOnly whether the seed files will be left out
	 */
	default void discovered(SchemaSources sources, boolean schemaOnly) {
	}

	/**
	 * Schemas are about to be dropped ({@code --drop-existing}).
	 * @param schemas the schemas, with what they hold
	 */
	default void dropping(List<String> schemas) {
	}

	/**
	 * A file is about to run.
	 * @param file the file
	 * @param index its 1-based position
	 * @param total how many files run
	 */
	default void fileStarted(SchemaFile file, int index, int total) {
	}

}
