package dev.confiture.core.validate;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import dev.confiture.core.ConfitureException;
import dev.confiture.core.ConfitureException.Category;

/**
 * A directory for the files of a git side, deleted with everything in it when closed.
 */
final class TemporaryDirectory implements AutoCloseable {

	private final Path path;

	private TemporaryDirectory(Path path) {
		this.path = path;
	}

	static TemporaryDirectory create() {
		try {
			return new TemporaryDirectory(Files.createTempDirectory("confiture-validate-"));
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.GENERIC, "Could not create a temporary directory: " + ex.getMessage(),
					"Check that java.io.tmpdir (" + System.getProperty("java.io.tmpdir") + ") is writable", ex);
		}
	}

	Path path() {
		return this.path;
	}

	@Override
	public void close() {
		try {
			Files.walkFileTree(this.path, new SimpleFileVisitor<>() {

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
					Files.delete(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, IOException ex) throws IOException {
					Files.delete(dir);
					return FileVisitResult.CONTINUE;
				}

			});
		}
		catch (IOException ex) {
			// A leftover temporary directory is harmless
		}
	}

}
