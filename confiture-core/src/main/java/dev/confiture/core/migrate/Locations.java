package dev.confiture.core.migrate;

import java.nio.file.Path;

/**
 * Turns file paths into the short form used in messages: relative to a base directory (the
 * project directory, else the working directory) when the file is under it.
 */
final class Locations {

	private Locations() {
	}

	static String display(Path file, Path base) {
		Path absolute = file.toAbsolutePath().normalize();
		Path directory = ((base != null) ? base : Path.of("")).toAbsolutePath().normalize();
		if (absolute.startsWith(directory) && !absolute.equals(directory)) {
			return directory.relativize(absolute).toString().replace('\\', '/');
		}
		return file.toString();
	}

}
