package dev.confiture.maven;

import java.io.File;
import java.nio.file.Path;

/**
 * Reads goal parameters: Maven leaves an unset parameter {@code null}, and a property
 * given as {@code -Dconfiture.x=} makes it blank; both mean "not set".
 */
final class Parameters {

	private Parameters() {
	}

	/** Whether a parameter is set (neither {@code null} nor blank). */
	static boolean isSet(String value) {
		return value != null && !value.isBlank();
	}

	/** The parameter, or {@code null} when it is not set. */
	static String valueOf(String value) {
		return isSet(value) ? value : null;
	}

	/** The path of a file parameter, or {@code null} when it is not set. */
	static Path pathOf(File file) {
		return (file != null) ? file.toPath() : null;
	}

}
