package dev.confiture.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Confiture project written into a temporary directory by a test.
 */
public final class TestProject {

	private final Path root;

	public TestProject(Path root) {
		this.root = root;
	}

	/** The project directory. */
	public Path root() {
		return this.root;
	}

	/** Writes a file (UTF-8), creating its directories, and returns its path. */
	public Path file(String relativePath, String content) {
		return bytes(relativePath, content.getBytes(StandardCharsets.UTF_8));
	}

	/** Writes raw bytes, creating directories, and returns the path. */
	public Path bytes(String relativePath, byte[] content) {
		Path path = this.root.resolve(relativePath);
		try {
			Files.createDirectories(path.getParent());
			Files.write(path, content);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return path;
	}

	/** Creates an empty directory. */
	public Path directory(String relativePath) {
		try {
			return Files.createDirectories(this.root.resolve(relativePath));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Writes {@code db/environments/NAME.yaml}. */
	public Path environment(String name, String yaml) {
		return file("db/environments/" + name + ".yaml", yaml);
	}

	/**
	 * A local environment including db/schema, db/seeds/common and db/seeds/development.
	 */
	public TestProject withLocalEnvironment() {
		environment("local", """
				name: local
				includes:
				  - ../schema
				  - ../seeds/common
				  - ../seeds/development
				""");
		return this;
	}

}
