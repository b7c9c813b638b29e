package dev.confiture.core.validate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Path helpers for comparing configured directories with a git work tree.
 */
final class Paths {

	private Paths() {
	}

	/**
	 * The real path of a file that may not exist: the real path of its deepest existing
	 * ancestor, followed by the rest.
	 * @param path the path
	 * @return the absolute, normalised path with symbolic links of existing parts
	 * resolved
	 */
	static Path real(Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		Path existing = absolute;
		while (existing != null && !Files.exists(existing)) {
			existing = existing.getParent();
		}
		if (existing == null) {
			return absolute;
		}
		try {
			return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
		}
		catch (IOException ex) {
			return absolute;
		}
	}

	/**
	 * A path relative to a directory, with {@code /} separators.
	 * @param base the directory (a real path)
	 * @param path the path (a real path)
	 * @return the relative path, empty for the directory itself, or {@code null} if the
	 * path is outside it
	 */
	static String relative(Path base, Path path) {
		if (!path.startsWith(base)) {
			return null;
		}
		return base.relativize(path).toString().replace('\\', '/');
	}

	/**
	 * Whether a {@code /} separated path is a directory or inside it.
	 * @param path the path
	 * @param directory the directory ({@code ""} for the root)
	 * @return whether it is
	 */
	static boolean isUnder(String path, String directory) {
		return directory.isEmpty() || path.equals(directory) || path.startsWith(directory + "/");
	}

}
