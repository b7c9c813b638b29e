package dev.confiture.spring.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.resource.SqlLocation;
import dev.confiture.core.resource.SqlResource;

/**
 * A Spring resource location of SQL files ({@code classpath:db/schema},
 * {@code file:/srv/app/db/migrations}, also inside a jar or a Spring Boot fat jar, or a
 * native image), read in place: nothing is copied. Every root of the location is listed
 * (a classpath location may be in several jars): a directory is walked, a jar's entries
 * are read through its {@link JarURLConnection}, anything else is matched with
 * {@code **&#47;*.sql}.
 * <p>
 * A file is shown as the location followed by its path in it
 * ({@code classpath:db/migrations/003_x.up.sql}); its path relative to the project, which
 * orders and hashes it, is the location's path followed by its path in it
 * ({@code db/migrations/003_x.up.sql}), as if the project held the location's files.
 *
 * @since 0.1.0
 */
public final class ConfitureResourceLocation implements SqlLocation {

	private final ResourcePatternResolver resolver;

	private final String location;

	private final String projectPath;

	/**
	 * Creates a location.
	 * @param resolver resolves the location, or {@code null} for a default one
	 * @param location a Spring resource location, e.g. {@code classpath:db/schema}
	 */
	public ConfitureResourceLocation(ResourcePatternResolver resolver, String location) {
		Assert.hasText(location, "'location' must not be empty");
		this.resolver = (resolver != null) ? resolver : new PathMatchingResourcePatternResolver();
		this.location = StringUtils.trimTrailingCharacter(location.trim(), '/');
		this.projectPath = projectPath(this.location);
	}

	@Override
	public String description() {
		return this.location;
	}

	/** A resource location that is missing holds no file; it is not an error. */
	@Override
	public boolean exists() {
		return true;
	}

	@Override
	public List<SqlResource> resources() {
		String base = this.location;
		if (base.startsWith("classpath:")) {
			base = "classpath*:" + base.substring("classpath:".length());
		}
		List<SqlResource> found = new ArrayList<>();
		try {
			for (Resource root : this.resolver.getResources(base + "/")) {
				if (root.exists()) {
					listRoot(root, found);
				}
			}
		}
		catch (IOException | UncheckedIOException ex) {
			throw new ConfitureException(Category.CONFIG, "Could not read " + this.location + ": " + ex.getMessage(),
					"Check the resource location", ex);
		}
		found.sort(Comparator.comparing(SqlResource::relativePath));
		return found;
	}

	private void listRoot(Resource root, List<SqlResource> found) throws IOException {
		URL url = root.getURL();
		if ("file".equals(url.getProtocol())) {
			Path directory;
			try {
				directory = Path.of(url.toURI());
			}
			catch (URISyntaxException | IllegalArgumentException ex) {
				listMatching(root, found);
				return;
			}
			if (Files.isDirectory(directory)) {
				walk(directory, found);
			}
			return;
		}
		URLConnection connection = url.openConnection();
		if (connection instanceof JarURLConnection jar) {
			JarFile file = jar.getJarFile();
			String prefix = (jar.getEntryName() != null) ? jar.getEntryName() : "";
			if (!prefix.isEmpty() && !prefix.endsWith("/")) {
				prefix = prefix + "/";
			}
			for (JarEntry entry : Collections.list(file.entries())) {
				String name = entry.getName();
				if (!entry.isDirectory() && name.startsWith(prefix) && isSql(name)) {
					String inLocation = name.substring(prefix.length());
					if (!isHidden(inLocation)) {
						found.add(new JarEntryResource(this, file, entry, root, inLocation));
					}
				}
			}
			return;
		}
		listMatching(root, found);
	}

	private void walk(Path directory, List<SqlResource> found) throws IOException {
		Files.walkFileTree(directory, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
				return (!dir.equals(directory) && isHidden(dir.getFileName().toString())) ? FileVisitResult.SKIP_SUBTREE
						: FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
				String name = file.getFileName().toString();
				if (attributes.isRegularFile() && isSql(name) && !isHidden(name)) {
					String inLocation = directory.relativize(file).toString().replace('\\', '/');
					found.add(new FileResource(ConfitureResourceLocation.this, file, inLocation,
							attributes.size() + ":" + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
				}
				return FileVisitResult.CONTINUE;
			}

		});
	}

	private void listMatching(Resource root, List<SqlResource> found) throws IOException {
		String rootUri = root.getURI().toString();
		String prefix = rootUri.endsWith("/") ? rootUri : rootUri + "/";
		for (Resource resource : this.resolver.getResources(prefix + "**/*.sql")) {
			String uri = resource.getURI().toString();
			if (resource.isReadable() && uri.startsWith(prefix)) {
				String inLocation = URLDecoder.decode(uri.substring(prefix.length()).replace("+", "%2B"),
						StandardCharsets.UTF_8);
				if (!isHidden(inLocation)) {
					found.add(new SpringResource(this, resource, inLocation));
				}
			}
		}
	}

	String relativePath(String inLocation) {
		return this.projectPath + "/" + inLocation;
	}

	String displayPath(String inLocation) {
		return this.location + "/" + inLocation;
	}

	/**
	 * The path a location stands for in the project: {@code classpath:db/schema} and
	 * {@code file:/srv/app/db/schema} become {@code db/schema} and
	 * {@code srv/app/db/schema} (wildcards and {@code ..} left out).
	 * @param location a resource location
	 * @return the path, {@code db} when nothing is left
	 */
	static String projectPath(String location) {
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

	private static boolean isSql(String name) {
		return name.endsWith(".sql");
	}

	private static boolean isHidden(String path) {
		for (String segment : path.split("/")) {
			if (segment.startsWith(".")) {
				return true;
			}
		}
		return false;
	}

	@Override
	public String toString() {
		return this.location;
	}

	/** A file of a directory root, read from the disk. */
	private record FileResource(ConfitureResourceLocation location, Path file, String pathInLocation,
			String stamp) implements SqlResource {

		@Override
		public String relativePath() {
			return this.location.relativePath(this.pathInLocation);
		}

		@Override
		public String displayPath() {
			return this.location.displayPath(this.pathInLocation);
		}

		@Override
		public byte[] content() throws IOException {
			return Files.readAllBytes(this.file);
		}

	}

	/**
	 * An entry of a jar root, read from the jar that was listed (the JDK's shared, cached
	 * {@link JarFile}), else through its URL.
	 */
	private record JarEntryResource(ConfitureResourceLocation location, JarFile jar, JarEntry entry, Resource root,
			String pathInLocation) implements SqlResource {

		@Override
		public String relativePath() {
			return this.location.relativePath(this.pathInLocation);
		}

		@Override
		public String displayPath() {
			return this.location.displayPath(this.pathInLocation);
		}

		@Override
		public String stamp() {
			return this.entry.getSize() + ":" + this.entry.getCrc();
		}

		@Override
		public byte[] content() throws IOException {
			try (InputStream in = this.jar.getInputStream(this.entry)) {
				return in.readAllBytes();
			}
			catch (IOException | IllegalStateException ex) {
				try (InputStream in = this.root.createRelative(this.pathInLocation).getInputStream()) {
					return in.readAllBytes();
				}
			}
		}

	}

	/** Any other resource (e.g. in a native image), read through Spring. */
	private record SpringResource(ConfitureResourceLocation location, Resource resource,
			String pathInLocation) implements SqlResource {

		@Override
		public String relativePath() {
			return this.location.relativePath(this.pathInLocation);
		}

		@Override
		public String displayPath() {
			return this.location.displayPath(this.pathInLocation);
		}

		@Override
		public String stamp() {
			try {
				return this.resource.contentLength() + ":" + this.resource.lastModified();
			}
			catch (IOException ex) {
				return "";
			}
		}

		@Override
		public byte[] content() throws IOException {
			try (InputStream in = this.resource.getInputStream()) {
				return in.readAllBytes();
			}
		}

	}

}
