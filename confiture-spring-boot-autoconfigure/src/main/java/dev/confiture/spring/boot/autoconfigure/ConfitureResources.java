package dev.confiture.spring.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.util.Collections;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.StringUtils;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.internal.TemporaryDirectory;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.Environment;

/**
 * Copies the SQL files of Spring resource locations ({@code classpath:db/schema},
 * {@code file:/srv/app/db}, also inside a packaged jar) into one local directory tree, so that
 * the engine reads plain files. A location keeps its own path in the tree
 * ({@code classpath:db/schema} becomes {@code db/schema/...}), so messages name files the way
 * the project does. The directory is deleted on {@link #close()}.
 *
 * @since 0.1.0
 */
public final class ConfitureResources implements AutoCloseable {

	private final ResourcePatternResolver resolver;

	private final Path root;

	/**
	 * Creates an empty local copy in a new temporary directory.
	 * @param resolver resolves the locations, or {@code null} for a default one
	 */
	public ConfitureResources(ResourcePatternResolver resolver) {
		this.resolver = (resolver != null) ? resolver : new PathMatchingResourcePatternResolver();
		try {
			this.root = TemporaryDirectory.newDirectory("confiture-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The directory that holds the copies; the project directory of the environment. */
	public Path root() {
		return this.root;
	}

	/**
	 * Copies the {@code .sql} files of a location.
	 * @param location a Spring resource location
	 * @param required whether a location without any file is an error
	 * @return the local directory of the location (it may be empty)
	 */
	public Path copy(String location, boolean required) {
		String relative = relativePath(location);
		Path target = this.root.resolve(relative);
		try {
			Files.createDirectories(target);
			String base = StringUtils.trimTrailingCharacter(location, '/');
			if (base.startsWith("classpath:")) {
				base = "classpath*:" + base.substring("classpath:".length());
			}
			int found = 0;
			for (Resource root : this.resolver.getResources(base + "/")) {
				found += copyRoot(root, target);
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

	/**
	 * Copies the {@code .sql} files under one root of a location: a directory is walked, a jar
	 * (also a jar nested in a Spring Boot fat jar) is read once through its
	 * {@link JarURLConnection}; anything else falls back to one resource at a time.
	 */
	private int copyRoot(Resource root, Path target) throws IOException {
		URL url = root.getURL();
		if ("file".equals(url.getProtocol())) {
			Path directory;
			try {
				directory = Path.of(url.toURI());
			}
			catch (URISyntaxException | IllegalArgumentException ex) {
				return copyResources(root, target);
			}
			try (Stream<Path> files = Files.walk(directory)) {
				int found = 0;
				for (Path file : files.filter((file) -> isSql(file.toString()) && Files.isRegularFile(file)).toList()) {
					String relative = directory.relativize(file).toString().replace('\\', '/');
					try (InputStream in = Files.newInputStream(file)) {
						found += write(in, target, relative);
					}
				}
				return found;
			}
		}
		URLConnection connection = url.openConnection();
		if (connection instanceof JarURLConnection jar) {
			JarFile file = jar.getJarFile();
			String prefix = (jar.getEntryName() != null) ? jar.getEntryName() : "";
			if (!prefix.isEmpty() && !prefix.endsWith("/")) {
				prefix = prefix + "/";
			}
			int found = 0;
			for (JarEntry entry : Collections.list(file.entries())) {
				String name = entry.getName();
				if (!entry.isDirectory() && name.startsWith(prefix) && isSql(name)) {
					try (InputStream in = file.getInputStream(entry)) {
						found += write(in, target, name.substring(prefix.length()));
					}
				}
			}
			return found;
		}
		return copyResources(root, target);
	}

	private int copyResources(Resource root, Path target) throws IOException {
		String rootUri = root.getURI().toString();
		String prefix = rootUri.endsWith("/") ? rootUri : rootUri + "/";
		int found = 0;
		for (Resource resource : this.resolver.getResources(prefix + "**/*.sql")) {
			if (resource.isReadable()) {
				String path = pathWithin(resource, List.of(prefix));
				if (path != null) {
					try (InputStream in = resource.getInputStream()) {
						found += write(in, target, path);
					}
				}
			}
		}
		return found;
	}

	private static int write(InputStream in, Path target, String relative) throws IOException {
		Path file = target.resolve(relative).normalize();
		if (!file.startsWith(target)) {
			return 0;
		}
		Files.createDirectories(file.getParent());
		Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
		return 1;
	}

	private static boolean isSql(String name) {
		return name.endsWith(".sql");
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

	/**
	 * The Confiture environment of the given properties, its files copied into this tree:
	 * schema locations, one seed folder per seed location and profile, and the migrations.
	 * @param properties the properties
	 * @param name the environment name
	 * @return the environment
	 */
	public Environment environment(ConfitureProperties properties, String name) {
		List<Path> schema = properties.getSchemaLocations().stream().map((location) -> copy(location, false)).toList();
		List<Path> seeds = new ArrayList<>();
		for (String location : properties.getSeedLocations()) {
			for (String profile : properties.getSeedProfiles()) {
				seeds.add(copy(StringUtils.trimTrailingCharacter(location, '/') + "/" + profile.trim(), false));
			}
		}
		Path migrations = migrations(properties.getMigrationLocations());
		return new Environment(name, null, this.root, schema, List.of(), seeds, null, migrations,
				properties.getTrackingTable());
	}

	private Path migrations(List<String> locations) {
		if (locations.isEmpty()) {
			return this.root.resolve("db/migrations");
		}
		List<Path> directories = locations.stream().map((location) -> copy(location, false)).toList();
		if (directories.size() == 1) {
			return directories.get(0);
		}
		Path merged = this.root.resolve("confiture-migrations");
		try {
			Files.createDirectories(merged);
			for (Path directory : directories) {
				try (Stream<Path> files = Files.list(directory)) {
					for (Path file : files.filter(Files::isRegularFile).toList()) {
						Path target = merged.resolve(file.getFileName());
						if (Files.exists(target)) {
							throw new ConfitureException(Category.CONFIG,
									"Two migration locations hold " + file.getFileName() + ": "
											+ String.join(", ", locations),
									"Rename one of them; versions must be unique across confiture.migration-locations");
						}
						Files.copy(file, target);
					}
				}
			}
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.CONFIG, "Could not read the migration locations: " + ex.getMessage(), (String) null, ex);
		}
		return merged;
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
		TemporaryDirectory.delete(this.root);
	}

}
