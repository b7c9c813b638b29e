package dev.confiture.core.migrate;

import java.nio.file.Path;

/**
 * Turns file paths into the short form used in messages: relative to the working directory
 * when the file is under it.
 */
final class Locations {

	private Locations() {
	}

	static String display(Path file) {
		Path absolute = file.toAbsolutePath().normalize();
		Path workingDirectory = Path.of("").toAbsolutePath();
		if (absolute.startsWith(workingDirectory) && !absolute.equals(workingDirectory)) {
			return workingDirectory.relativize(absolute).toString();
		}
		return file.toString();
	}

}
