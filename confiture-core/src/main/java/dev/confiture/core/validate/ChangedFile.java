package dev.confiture.core.validate;

import java.util.Locale;

/**
 * A file that differs between the two sides of a validation.
 *
 * @param path the path relative to the repository's work tree, with {@code /} separators
 * @param change how it changed
 */
record ChangedFile(String path, Change change) {

	@Override
	public String toString() {
		return this.path + " (" + this.change.name().toLowerCase(Locale.ROOT) + ")";
	}

	/**
	 * How a file changed.
	 */
	enum Change {

		ADDED, MODIFIED, DELETED

	}

}
