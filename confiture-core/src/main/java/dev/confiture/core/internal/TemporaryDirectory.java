package dev.confiture.core.internal;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * A temporary directory (files of a git side, resources copied out of a jar...), deleted
 * with everything in it when closed.
 */
public final class TemporaryDirectory implements AutoCloseable {

	private static final AtomicLong created = new AtomicLong();

	private final Path path;

	private TemporaryDirectory(Path path) {
		this.path = path;
	}

	/**
	 * Creates a directory in memory ({@code /dev/shm}) when that is writable, else under
	 * {@code java.io.tmpdir}: its files are small and short-lived, and creating many
	 * files on a slow disk costs more than the work they are for.
	 * @param prefix the start of its name
	 * @return the directory
	 */
	public static TemporaryDirectory create(String prefix) {
		try {
			return new TemporaryDirectory(newDirectory(prefix));
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.GENERIC, "Could not create a temporary directory: " + ex.getMessage(),
					"Check that java.io.tmpdir (" + System.getProperty("java.io.tmpdir") + ") is writable", ex);
		}
	}

	/**
	 * Creates a new directory in memory when possible (see {@link #create(String)}).
	 * @param prefix the start of its name
	 * @return the new directory
	 * @throws IOException if no directory can be created
	 */
	public static Path newDirectory(String prefix) throws IOException {
		created.incrementAndGet();
		Path memory = Path.of("/dev/shm");
		if (Files.isDirectory(memory) && Files.isWritable(memory)) {
			try {
				return Files.createTempDirectory(memory, prefix);
			}
			catch (IOException ex) {
				// fall back to java.io.tmpdir
			}
		}
		return Files.createTempDirectory(prefix);
	}

	/**
	 * How many temporary directories this JVM has created so far (tests check that a path
	 * creates none).
	 * @return the count
	 */
	public static long createdCount() {
		return created.get();
	}

	/** The directory. */
	public Path path() {
		return this.path;
	}

	@Override
	public void close() {
		delete(this.path);
	}

	/**
	 * Deletes a directory and everything in it, as far as possible; what cannot be
	 * deleted is left behind.
	 * @param directory the directory
	 */
	public static void delete(Path directory) {
		if (!Files.exists(directory)) {
			return;
		}
		try {
			Files.walkFileTree(directory, new SimpleFileVisitor<>() {

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
