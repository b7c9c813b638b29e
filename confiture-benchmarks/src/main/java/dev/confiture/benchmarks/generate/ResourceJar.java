package dev.confiture.benchmarks.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Writes directories into a jar under given prefixes, as an application packages its
 * {@code db/...} resources, with an entry for every directory (which classpath scanning
 * needs to find {@code classpath:db/schema} in a jar).
 */
public final class ResourceJar {

	private ResourceJar() {
	}

	/**
	 * Writes a jar.
	 * @param jar the jar to write
	 * @param contents for each prefix inside the jar (such as {@code db/migrations}), the
	 * directory whose files go under it, in sorted path order
	 * @return the jar
	 */
	public static Path write(Path jar, Map<String, Path> contents) {
		try {
			Files.createDirectories(jar.toAbsolutePath().getParent());
			try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
				Set<String> directories = new LinkedHashSet<>();
				for (Map.Entry<String, Path> content : contents.entrySet()) {
					List<Path> files;
					try (Stream<Path> paths = Files.walk(content.getValue())) {
						files = paths.filter(Files::isRegularFile).sorted().toList();
					}
					for (Path path : files) {
						String name = content.getKey() + "/"
								+ content.getValue().relativize(path).toString().replace('\\', '/');
						addDirectories(out, directories, name);
						out.putNextEntry(new JarEntry(name));
						out.write(Files.readAllBytes(path));
						out.closeEntry();
					}
				}
			}
			return jar;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void addDirectories(JarOutputStream out, Set<String> written, String name) throws IOException {
		int slash = name.indexOf('/');
		while (slash > 0) {
			String directory = name.substring(0, slash + 1);
			if (written.add(directory)) {
				out.putNextEntry(new JarEntry(directory));
				out.closeEntry();
			}
			slash = name.indexOf('/', slash + 1);
		}
	}

}
