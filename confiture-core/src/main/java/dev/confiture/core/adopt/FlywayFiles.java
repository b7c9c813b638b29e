package dev.confiture.core.adopt;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;

/**
 * Flyway's migration files in some directories (recursively): versioned
 * {@code V{version}__{description}.sql}, undo {@code U{version}__...sql}, repeatable
 * {@code R__...sql}, and Java migrations ({@code V...__....java} or {@code .class}).
 */
final class FlywayFiles {

	private static final Pattern NAME = Pattern
		.compile("(?<prefix>[VUR])(?<version>[^_]*(?:_(?!_)[^_]*)*)__(?<description>.+)\\.(?<suffix>sql|java|class)");

	final Map<String, Versioned> versioned = new LinkedHashMap<>();

	final Map<String, Path> undo = new LinkedHashMap<>();

	final List<Path> repeatable = new ArrayList<>();

	final Map<String, Path> java = new LinkedHashMap<>();

	private FlywayFiles() {
	}

	static FlywayFiles scan(List<Path> locations) {
		FlywayFiles files = new FlywayFiles();
		for (Path location : locations) {
			if (!Files.isDirectory(location)) {
				throw new ConfitureException(Category.CONFIG, "Flyway location " + location + " is not a directory",
						"Name the directories that hold Flyway's V__ files (Flyway's 'locations' setting)");
			}
			List<Path> found;
			try (Stream<Path> walk = Files.walk(location)) {
				found = walk.filter(Files::isRegularFile).sorted().toList();
			}
			catch (IOException ex) {
				throw new ConfitureException(Category.CONFIG, "Could not read " + location + ": " + ex.getMessage(),
						"Check that the directory is readable", ex);
			}
			for (Path file : found) {
				files.add(file);
			}
		}
		return files;
	}

	private void add(Path file) {
		Matcher matcher = NAME.matcher(file.getFileName().toString());
		if (!matcher.matches()) {
			return;
		}
		String prefix = matcher.group("prefix");
		String description = matcher.group("description").replace('_', ' ');
		if ("R".equals(prefix)) {
			if (matcher.group("version").isEmpty() && "sql".equals(matcher.group("suffix"))) {
				this.repeatable.add(file);
			}
			return;
		}
		String key = FlywayVersions.key(matcher.group("version"));
		if (key == null) {
			throw new ConfitureException(Category.CONFIG,
					"Flyway file " + file + " has version '" + matcher.group("version")
							+ "', which is not numbers separated by dots or underscores",
					"Rename the file as Flyway expects (V1_2__name.sql), or move it out of the locations");
		}
		if (!"sql".equals(matcher.group("suffix"))) {
			if ("V".equals(prefix)) {
				this.java.put(key, file);
			}
			return;
		}
		if ("U".equals(prefix)) {
			this.undo.put(key, file);
			return;
		}
		Versioned previous = this.versioned.put(key, new Versioned(key, matcher.group("version"), description, file));
		if (previous != null) {
			throw new ConfitureException(Category.CONFIG,
					"Flyway files " + previous.file() + " and " + file + " have the same version " + key,
					"Flyway refuses this too; keep one of them");
		}
	}

	/**
	 * A versioned SQL file.
	 *
	 * @param key the version's key
	 * @param version the version as written in the file name
	 * @param description the description, underscores as spaces
	 * @param file the file
	 */
	record Versioned(String key, String version, String description, Path file) {

	}

}
