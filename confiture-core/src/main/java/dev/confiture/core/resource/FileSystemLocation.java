package dev.confiture.core.resource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * A directory (or a single {@code .sql} file) on disk. Paths are shown relative to the
 * project directory when the file is under it, else as absolute paths.
 */
public final class FileSystemLocation implements SqlLocation {

	private final Path root;

	private final Path projectDirectory;

	private final List<Path> excludes;

	private FileSystemLocation(Path root, Path projectDirectory, List<Path> excludes) {
		this.root = root;
		this.projectDirectory = projectDirectory;
		this.excludes = excludes;
	}

	/**
	 * A directory or a {@code .sql} file.
	 * @param root the directory or file
	 * @param projectDirectory the directory that relative paths are relative to
	 * @return the location
	 */
	public static FileSystemLocation of(Path root, Path projectDirectory) {
		Objects.requireNonNull(root, "root");
		Objects.requireNonNull(projectDirectory, "projectDirectory");
		return new FileSystemLocation(root.toAbsolutePath().normalize(), projectDirectory.toAbsolutePath().normalize(),
				List.of());
	}

	/**
	 * The same location without the files under some directories.
	 * @param directories the directories to leave out
	 * @return a new location
	 */
	public FileSystemLocation excluding(List<Path> directories) {
		return new FileSystemLocation(this.root, this.projectDirectory,
				directories.stream().map((directory) -> directory.toAbsolutePath().normalize()).toList());
	}

	/** The directory or file. */
	public Path root() {
		return this.root;
	}

	/** The directories left out. */
	public List<Path> excludes() {
		return this.excludes;
	}

	@Override
	public String description() {
		return relative(this.root);
	}

	@Override
	public boolean exists() {
		return Files.exists(this.root);
	}

	@Override
	public List<SqlResource> resources() {
		if (Files.isRegularFile(this.root)) {
			return isSql(this.root) ? List.of(resource(this.root)) : List.of();
		}
		if (!Files.isDirectory(this.root)) {
			return List.of();
		}
		List<SqlResource> found = new ArrayList<>();
		java.util.Map<Path, Path> seen = new java.util.HashMap<>();
		try {
			Files.walkFileTree(this.root, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS),
					Integer.MAX_VALUE, new SimpleFileVisitor<>() {

						@Override
						public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
							if (FileSystemLocation.this.excludes.contains(dir.normalize())
									|| (!dir.equals(FileSystemLocation.this.root) && isHidden(dir))) {
								return FileVisitResult.SKIP_SUBTREE;
							}
							return FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
							if (isHidden(file) || (!isSql(file) && !attributes.isSymbolicLink())) {
								return FileVisitResult.CONTINUE;
							}
							if (attributes.isSymbolicLink()) {
								throw new ConfitureException(Category.SCHEMA,
										"Dangling symbolic link " + file + " -> " + Files.readSymbolicLink(file)
												+ ": its target does not exist",
										"Point the link at an existing file or directory, or remove it");
							}
							if (attributes.isRegularFile()) {
								Path real = file.toRealPath();
								Path first = seen.putIfAbsent(real, file);
								if (first != null) {
									throw new ConfitureException(Category.SCHEMA,
											file + " and " + first + " are the same file (" + real
													+ ", reached through a symbolic link)",
											"Remove one of the links, or exclude one of the directories");
								}
								found.add(resource(file.normalize(), attributes));
							}
							return FileVisitResult.CONTINUE;
						}

						@Override
						public FileVisitResult visitFileFailed(Path file, IOException ex) throws IOException {
							if (ex instanceof java.nio.file.FileSystemLoopException) {
								throw new ConfitureException(Category.SCHEMA,
										"Loop of symbolic links: " + file + " -> " + Files.readSymbolicLink(file)
												+ " leads back to a directory that contains it",
										"Remove or re-point the link so that it does not lead back into its own tree",
										ex);
							}
							throw ex;
						}

					});
		}
		catch (IOException | UncheckedIOException ex) {
			throw new ConfitureException(Category.SCHEMA, "Could not read " + this.root + ": " + ex.getMessage(),
					"Check the directory's permissions", ex);
		}
		found.sort(Comparator.comparing(SqlResource::relativePath));
		return found;
	}

	private SqlResource resource(Path file) {
		try {
			return resource(file, Files.readAttributes(file, BasicFileAttributes.class));
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.SCHEMA, "Could not read " + file + ": " + ex.getMessage(),
					"Check the file's permissions", ex);
		}
	}

	private SqlResource resource(Path file, BasicFileAttributes attributes) {
		String inLocation = file.equals(this.root) ? file.getFileName().toString()
				: this.root.relativize(file).toString().replace('\\', '/');
		String relative = relative(file);
		return new FileResource(file, relative, inLocation,
				attributes.size() + ":" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS));
	}

	private String relative(Path path) {
		Path relative = (path.startsWith(this.projectDirectory) && !path.equals(this.projectDirectory))
				? this.projectDirectory.relativize(path) : path;
		return relative.toString().replace('\\', '/');
	}

	private static boolean isSql(Path file) {
		return file.getFileName().toString().endsWith(".sql");
	}

	private static boolean isHidden(Path path) {
		return path.getFileName() != null && path.getFileName().toString().startsWith(".");
	}

	@Override
	public String toString() {
		return description();
	}

	/**
	 * One file on disk.
	 *
	 * @param path the file
	 * @param relativePath its path relative to the project, also its display path
	 * @param pathInLocation its path within the location
	 * @param stamp size and modification time
	 */
	record FileResource(Path path, String relativePath, String pathInLocation, String stamp) implements SqlResource {

		@Override
		public String displayPath() {
			return this.relativePath;
		}

		@Override
		public byte[] content() throws IOException {
			return Files.readAllBytes(this.path);
		}

	}

}
