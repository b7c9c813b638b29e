package dev.confiture.core.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where to write a new project's layout.
 *
 * @param directory the project directory, created if missing
 */
public record ProjectInitOptions(Path directory) {

	public ProjectInitOptions {
		Objects.requireNonNull(directory, "directory");
	}

}
