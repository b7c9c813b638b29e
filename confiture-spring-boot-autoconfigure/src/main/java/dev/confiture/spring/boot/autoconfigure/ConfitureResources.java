package dev.confiture.spring.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.StringUtils;

import dev.confiture.core.ConfitureException;
import dev.confiture.core.ConfitureException.Category;

/**
 * Copies the SQL files of Spring resource locations ({@code classpath:db/schema},
 * {@code file:/srv/app/db}, also inside a packaged jar) into one local directory tree, so that
 * the engine reads plain files. A location keeps its own path in the tree
 * ({@code classpath:db/schema} becomes {@code db/schema/...}), so messages name files the way
 * the project does. The directory is deleted on {@link #close()}.
 */
final class ConfitureResources implements AutoCloseable {

	private final ResourcePatternResolver resolver;

	private final Path root;

	ConfitureResources(ResourcePatternResolver resolver) {
		this.resolver = (resolver != null) ? resolver : new PathMatchingResourcePatternResolver();
		try {
			this.root = Files.createTempDirectory("confiture-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The directory that holds the copies; the project directory of the environment. */
	Path root() {
		return this.root;
	}

	/**
	 * Copies the {@code .sql} files of a location.
	 * @param location a Spring resource location
	 * @param required whether a location without any file is an error
	 * @return the local directory of the location (it may be empty)
	 */
	Path copy(String location, boolean required) {
		String relative = relativePath(location);
		Path target = this.root.resolve(relative);
		try {
			Files.createDirectories(target);
			String base = StringUtils.trimTrailingCharacter(location, '/');
			if (base.startsWith("classpath:")) {
				base = "classpath*:" + base.substring("classpath:".length());
			}
			List<String> roots = new ArrayList<>();
			for (Resource root : this.resolver.getResources(base + "/")) {
				String uri = root.getURI().toString();
				roots.add(uri.endsWith("/") ? uri : uri + "/");
			}
			int found = 0;
			for (Resource resource : this.resolver.getResources(base + "/**/*.sql")) {
				if (!resource.isReadable()) {
					continue;
				}
				String path = pathWithin(resource, roots);
				if (path == null) {
					continue;
				}
				Path file = target.resolve(path).normalize();
				if (!file.startsWith(target)) {
					continue;
				}
				Files.createDirectories(file.getParent());
				try (InputStream in = resource.getInputStream()) {
					Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
				}
				found++;
			}
			if (found == 0 && required) {
				throw new ConfitureException(Category.CONFIG, "No SQL files found in " + location,
						"Put your DDL under src/main/resources/" + relative
								+ " (e.g. 10_tables/users.sql) or set confiture.schema-locations");
			}
			return target;
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.CONFIG, "Could not read " + location + ": " + ex.getMessage(),
					"Check confiture.*-locations", ex);
		}
	}

	private static String pathWithin(Resource resource, List<String> roots) throws IOException {
		String uri = resource.getURI().toString();
		for (String root : roots) {
			if (uri.startsWith(root)) {
				return java.net.URLDecoder.decode(uri.substring(root.length()).replace("+", "%2B"),
						java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		return null;
	}

	static String relativePath(String location) {
		String path = location;
		int colon = path.indexOf(':');
		if (colon > 1) {
			path = path.substring(colon + 1);
		}
		path = path.replace('\\', '/');
		List<String> segments = new ArrayList<>();
		for (String segment : path.split("/")) {
			if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.contains("*")) {
				continue;
			}
			segments.add(segment);
		}
		return segments.isEmpty() ? "db" : String.join("/", segments);
	}

	@Override
	public void close() {
		if (!Files.exists(this.root)) {
			return;
		}
		try {
			Files.walkFileTree(this.root, new SimpleFileVisitor<>() {

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
			// A temporary directory left behind is harmless.
		}
	}

}
