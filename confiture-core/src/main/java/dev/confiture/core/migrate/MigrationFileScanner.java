package dev.confiture.core.migrate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.sql.SqlText;

/**
 * Finds SQL migrations in a directory (not in its sub-directories): every
 * {@code {version}_{name}.up.sql} with its optional {@code {version}_{name}.down.sql}. Other
 * {@code .sql} files are problems; files that do not end in {@code .sql} are ignored.
 */
final class MigrationFileScanner {

	static final Pattern FILE_NAME = Pattern
		.compile("(?<version>[0-9]+)_(?<name>[A-Za-z0-9][A-Za-z0-9_\\-]*)\\.(?<direction>up|down)\\.sql");

	private static final Pattern WITHOUT_DIRECTION = Pattern.compile("([0-9]+)_(.+)\\.sql");

	private MigrationFileScanner() {
	}

	/**
	 * Scans a directory.
	 * @param directory the migrations directory; a missing one holds no migration
	 * @param displayBase the directory that paths in messages are relative to
	 * @param problems receives one message per badly named or orphaned file
	 * @return the migrations, in no particular order
	 */
	static List<SqlFileMigration> scan(Path directory, Path displayBase, List<String> problems) {
		if (directory == null || !Files.isDirectory(directory)) {
			return List.of();
		}
		Map<String, Path> ups = new TreeMap<>();
		Map<String, Path> downs = new TreeMap<>();
		for (Path file : list(directory)) {
			String fileName = file.getFileName().toString();
			if (fileName.startsWith(".") || !fileName.toLowerCase(Locale.ROOT).endsWith(".sql")) {
				continue;
			}
			if (Files.isSymbolicLink(file) && !Files.exists(file)) {
				problems.add(Locations.display(file, displayBase) + ": dangling symbolic link (its target does not exist)");
				continue;
			}
			if (!Files.isRegularFile(file)) {
				continue;
			}
			Matcher matcher = FILE_NAME.matcher(fileName);
			if (!matcher.matches()) {
				problems.add(Locations.display(file, displayBase) + ": not a migration file name; " + suggestion(fileName));
				continue;
			}
			String base = matcher.group("version") + "_" + matcher.group("name");
			("up".equals(matcher.group("direction")) ? ups : downs).put(base, file);
		}
		List<SqlFileMigration> migrations = new ArrayList<>();
		downs.forEach((base, file) -> {
			if (!ups.containsKey(base)) {
				problems.add(Locations.display(file, displayBase) + ": rollback without its migration; there is no " + base
						+ ".up.sql next to it (rename it to match its .up.sql, or delete it)");
			}
		});
		ups.forEach((base, upFile) -> {
			int underscore = base.indexOf('_');
			MigrationVersion version = MigrationVersion.parse(base.substring(0, underscore));
			Path downFile = downs.get(base);
			migrations.add(SqlFileMigration.of(version, base.substring(underscore + 1), upFile, read(upFile), downFile,
					(downFile != null) ? read(downFile) : null, displayBase));
		});
		return migrations;
	}

	private static String suggestion(String fileName) {
		Matcher withoutDirection = WITHOUT_DIRECTION.matcher(fileName);
		if (withoutDirection.matches() && !fileName.endsWith(".up.sql") && !fileName.endsWith(".down.sql")
				&& withoutDirection.group(2).matches("[A-Za-z0-9][A-Za-z0-9_\\-]*")) {
			String base = withoutDirection.group(1) + "_" + withoutDirection.group(2);
			return "rename it to " + base + ".up.sql (and put its rollback in " + base + ".down.sql)";
		}
		String stem = fileName.substring(0, fileName.length() - 4);
		String direction = "up";
		for (String suffix : new String[] { ".up", ".down" }) {
			if (stem.toLowerCase(Locale.ROOT).endsWith(suffix)) {
				stem = stem.substring(0, stem.length() - suffix.length());
				direction = suffix.substring(1);
			}
		}
		Matcher digits = Pattern.compile("^([0-9]*)[^A-Za-z0-9]*(.*)$").matcher(stem);
		digits.matches();
		String version = digits.group(1);
		if (version.length() < 3) {
			version = "000".substring(version.length()) + version;
		}
		version = version.equals("000") ? "001" : version;
		String name = digits.group(2).replaceAll("[^A-Za-z0-9_\\-]+", "_").replaceAll("^_+|_+$", "");
		return "migration files are named {version}_{name}.up.sql or .down.sql with a version of digits only, "
				+ "e.g. rename it to " + version + "_" + (name.isEmpty() ? "name" : name) + "." + direction + ".sql";
	}

	private static List<Path> list(Path directory) {
		try (Stream<Path> files = Files.list(directory)) {
			return files.sorted().toList();
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.SCHEMA, "Could not list " + directory + ": " + ex.getMessage(),
					"Check that the migrations directory is readable", ex);
		}
	}

	static String read(Path file) {
		try {
			return SqlText.decode(Files.readAllBytes(file), file.toString());
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.SCHEMA, "Could not read " + file + ": " + ex.getMessage(),
					"Check that the file is readable", ex);
		}
	}

}
