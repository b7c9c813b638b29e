package dev.confiture.core.migrate;

import java.io.IOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.resource.SqlLocation;
import dev.confiture.core.resource.SqlResource;
import dev.confiture.core.sql.SqlText;

/**
 * Finds SQL migrations in one or more locations (not in their sub-directories): every
 * {@code {version}_{name}.up.sql} with its optional {@code {version}_{name}.down.sql}.
 * Other {@code .sql} files are problems; files that do not end in {@code .sql} are
 * ignored.
 */
final class MigrationFileScanner {

	static final Pattern FILE_NAME = Pattern
		.compile("(?<version>[0-9]+)_(?<name>[A-Za-z0-9][A-Za-z0-9_\\-]*)\\.(?<direction>up|down)\\.sql");

	private static final Pattern WITHOUT_DIRECTION = Pattern.compile("([0-9]+)_(.+)\\.sql");

	private MigrationFileScanner() {
	}

	/**
	 * Reads the files of migration locations (see {@link #list(List)}); several locations
	 * are merged.
	 * @param files the files of the migration locations
	 * @param problems receives one message per badly named, orphaned or duplicated file
	 * @return the migrations, in no particular order
	 */
	static List<SqlFileMigration> scan(List<SqlResource> files, List<String> problems) {
		Map<String, SqlResource> ups = new TreeMap<>();
		Map<String, SqlResource> downs = new TreeMap<>();
		Map<String, SqlResource> seen = new HashMap<>();
		for (SqlResource file : files) {
			String fileName = file.fileName();
			SqlResource other = seen.putIfAbsent(fileName, file);
			if (other != null) {
				problems.add(file.displayPath() + ": " + other.displayPath() + " has the same name; file names must be "
						+ "unique across the migration locations (rename or remove one of them)");
				continue;
			}
			Matcher matcher = FILE_NAME.matcher(fileName);
			if (!matcher.matches()) {
				problems.add(file.displayPath() + ": not a migration file name; " + suggestion(fileName));
				continue;
			}
			String base = matcher.group("version") + "_" + matcher.group("name");
			("up".equals(matcher.group("direction")) ? ups : downs).put(base, file);
		}
		List<SqlFileMigration> migrations = new ArrayList<>();
		downs.forEach((base, file) -> {
			if (!ups.containsKey(base)) {
				problems.add(file.displayPath() + ": rollback without its migration; there is no " + base
						+ ".up.sql next to it (rename it to match its .up.sql, or delete it)");
			}
		});
		MessageDigest digest = Checksums.newDigest();
		ups.forEach((base, upFile) -> {
			int underscore = base.indexOf('_');
			MigrationVersion version = MigrationVersion.parse(base.substring(0, underscore));
			SqlResource downFile = downs.get(base);
			byte[] upBytes = content(upFile);
			String upText = SqlText.decode(upBytes, upFile.displayPath());
			migrations.add(SqlFileMigration.of(version, base.substring(underscore + 1), upFile, upText,
					Checksums.sha256(upBytes, upText, digest), downFile, (downFile != null) ? read(downFile) : null));
		});
		return migrations;
	}

	/**
	 * The top-level {@code .sql} files of the locations (sub-directories are not read),
	 * in location order then file name order.
	 * @param locations the locations
	 * @return the files
	 */
	static List<SqlResource> list(List<SqlLocation> locations) {
		List<SqlResource> files = new ArrayList<>();
		for (SqlLocation location : locations) {
			if (!location.exists()) {
				continue;
			}
			location.resources()
				.stream()
				.filter((file) -> file.pathInLocation().indexOf('/') < 0
						&& file.fileName().toLowerCase(Locale.ROOT).endsWith(".sql"))
				.sorted(Comparator.comparing(SqlResource::fileName))
				.forEach(files::add);
		}
		return files;
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

	static String read(SqlResource file) {
		return SqlText.decode(content(file), file.displayPath());
	}

	private static byte[] content(SqlResource file) {
		try {
			return file.content();
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.SCHEMA,
					"Could not read " + file.displayPath() + ": " + ex.getMessage(), "Check that the file is readable",
					ex);
		}
	}

}
