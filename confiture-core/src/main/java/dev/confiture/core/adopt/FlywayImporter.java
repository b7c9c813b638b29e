package dev.confiture.core.adopt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.confiture.core.adopt.FlywayFiles.Versioned;
import dev.confiture.core.adopt.FlywayHistory.Entry;
import dev.confiture.core.adopt.FlywayImportResult.Mapping;
import dev.confiture.core.adopt.FlywayImportResult.Notice;
import dev.confiture.core.adopt.FlywayImportResult.Row;
import dev.confiture.core.api.ConfitureException;
import dev.confiture.core.api.ConfitureException.Category;
import dev.confiture.core.config.ConnectionSource;
import dev.confiture.core.config.Environment;
import dev.confiture.core.migrate.ImportedMigration;
import dev.confiture.core.migrate.Migrator;

/**
 * Brings a Flyway history over: converts Flyway's versioned SQL files (and undo files)
 * into the environment's migrations directory with versions that keep Flyway's order, and
 * records the migrations Flyway applied in the tracking table with Confiture's checksums
 * and Flyway's time and user. Flyway's table is only read. Running it twice changes
 * nothing.
 */
public final class FlywayImporter {

	/** The file the version mapping is written to, in the migrations directory. */
	public static final String MAPPING_FILE = "flyway-mapping.csv";

	private final Environment environment;

	private final ConnectionSource database;

	private final String description;

	private final Migrator migrator;

	/**
	 * Creates an importer.
	 * @param environment the environment whose migrations directory is written
	 * @param database the database Flyway migrated
	 * @param description the database for messages, without secrets
	 * @param migrator records the applied migrations in the tracking table
	 */
	public FlywayImporter(Environment environment, ConnectionSource database, String description, Migrator migrator) {
		this.environment = environment;
		this.database = database;
		this.description = description;
		this.migrator = migrator;
	}

	/**
	 * Imports the history.
	 * @param options where Flyway's files are, and whether to write
	 * @return the mapping, the files and rows, and the notices
	 * @throws ConfitureException if the history holds a version Flyway would not accept,
	 * a converted file exists with other content, or the database cannot be read; nothing
	 * is written then
	 */
	public FlywayImportResult importHistory(FlywayImportOptions options) {
		Path project = this.environment.projectDirectory();
		List<Path> locations = locations(options.locations());
		FlywayFiles files = FlywayFiles.scan(locations);
		String table;
		List<Entry> history;
		try (Connection connection = this.database.open()) {
			table = FlywayHistory.locate(connection, options.historyTable(), this.description);
			history = FlywayHistory.read(connection, table);
		}
		catch (SQLException ex) {
			throw new ConfitureException(Category.DATABASE,
					"Could not read Flyway's history in " + this.description + ": " + ex.getMessage(),
					"Check that PostgreSQL is running and that the user may read the table", ex);
		}
		Set<String> keys = new TreeSet<>(FlywayVersions::compare);
		keys.addAll(files.versioned.keySet());
		keys.addAll(files.undo.keySet());
		history.stream().filter((entry) -> entry.key() != null).forEach((entry) -> keys.add(entry.key()));
		FlywayVersions versions = FlywayVersions.of(keys);
		Map<String, Entry> latest = new LinkedHashMap<>();
		String baseline = null;
		List<Notice> notices = new ArrayList<>();
		String highest = null;
		Map<String, String> repeatables = new LinkedHashMap<>();
		for (Entry entry : history) {
			if (entry.key() == null) {
				if ("SQL".equals(entry.type()) && entry.script() != null) {
					repeatables.put(entry.script(), entry.description());
				}
				continue;
			}
			if ("BASELINE".equals(entry.type())) {
				baseline = entry.key();
			}
			if ("DELETE".equals(entry.type())) {
				latest.remove(entry.key());
				continue;
			}
			latest.put(entry.key(), entry);
			if (entry.success() && !entry.isUndo()) {
				if (highest != null && FlywayVersions.compare(entry.key(), highest) < 0) {
					notices.add(new Notice("out of order", entry.version(),
							"V" + entry.version() + " was applied out of order (after V" + highest
									+ "); it is recorded as applied like the others",
							false));
				}
				if (highest == null || FlywayVersions.compare(entry.key(), highest) > 0) {
					highest = entry.key();
				}
			}
		}
		Path migrations = this.environment.migrationsDirectory();
		List<Mapping> mappings = new ArrayList<>();
		List<ImportedMigration> rows = new ArrayList<>();
		Map<Path, String> toWrite = new LinkedHashMap<>();
		for (String key : keys) {
			String version = versions.map(key);
			Versioned file = files.versioned.get(key);
			Entry entry = latest.get(key);
			String flywayVersion = (entry != null) ? entry.version()
					: (file != null) ? file.version().replace('_', '.') : key;
			String text = (file != null) ? read(file.file()) : null;
			String name = name(
					(file != null) ? file.description() : (entry != null) ? entry.description() : "migration");
			String upFile = null;
			String downFile = null;
			if (file != null) {
				Path up = migrations.resolve(version + "_" + name + ".up.sql");
				toWrite.put(up, text);
				upFile = display(project, up);
				Path undo = files.undo.get(key);
				if (undo != null) {
					Path down = migrations.resolve(version + "_" + name + ".down.sql");
					toWrite.put(down, read(undo));
					downFile = display(project, down);
				}
			}
			String state = state(key, entry, file, files, baseline);
			String flywayFile = (file != null) ? display(project, file.file()) : null;
			mappings.add(new Mapping(flywayVersion, version,
					(file != null) ? file.description() : (entry != null) ? entry.description() : "", flywayFile,
					upFile, downFile, state));
			switch (state) {
				case "applied", "baseline" -> {
					if (file != null) {
						rows.add(new ImportedMigration(version, name, "baseline".equals(state), Migrator.checksum(text),
								(entry != null) ? entry.installedBy() : null,
								(entry != null) ? entry.installedOn() : null,
								(entry != null) ? entry.executionMs() : 0));
					}
				}
				case "failed" -> notices.add(new Notice("failed", flywayVersion, "V" + flywayVersion + " ("
						+ entry.description() + ") failed in Flyway on " + entry.installedOn() + ": "
						+ ((upFile != null) ? "it is not recorded as applied, so " + upFile
								+ " runs on the next migrate. "
								+ "Undo what it did partly first, or, if its effect is complete, mark it applied with a "
								+ "baseline at version " + version
								: "its file is not in the locations, so nothing is converted or recorded. Check what it did "
										+ "partly; the schema files written from the database show it")
						+ " (Flyway's table keeps the failed row)", true));
				case "pending" -> notices
					.add(new Notice("pending", flywayVersion, "V" + flywayVersion + " was never applied by Flyway: "
							+ upFile + " is pending and runs on the next migrate", true));
				case "undone" -> notices.add(new Notice("undone", flywayVersion, "V" + flywayVersion
						+ " was undone in Flyway: " + upFile + " is pending and runs on the next migrate", true));
				case "java" ->
					notices.add(new Notice("java", flywayVersion, "V" + flywayVersion + " is a Java migration ("
							+ ((entry != null) ? entry.script() : files.java.get(key)) + "): listed, not converted. "
							+ ((entry != null && entry.success())
									? "Its effect is in the database; nothing needs to run again"
									: "Port it to a JavaMigration with version " + version + " if it must still run"),
							entry == null || !entry.success()));
				case "missing file" ->
					notices.add(new Notice("missing file", flywayVersion, "V" + flywayVersion + " (" + entry.script()
							+ ") was applied by Flyway, but no such file is in " + locationsText(project, locations)
							+ ": nothing is converted or recorded for it. Its effect is in the database "
							+ "(and in schema files written from it); add the file to the locations and import again "
							+ "to carry it over", true));
				default -> {
				}
			}
		}
		for (Path repeatable : files.repeatable) {
			repeatables.putIfAbsent(repeatable.getFileName().toString(), null);
		}
		repeatables.forEach((script, ignored) -> notices.add(new Notice("repeatable", script, script
				+ " is a repeatable migration: not converted. Its current body belongs in the schema files (written "
				+ "from the database's catalog), and later changes to it go in new migrations", false)));
		for (Path undo : files.undo.values()) {
			String key = files.undo.entrySet()
				.stream()
				.filter((e) -> e.getValue().equals(undo))
				.findFirst()
				.get()
				.getKey();
			if (!files.versioned.containsKey(key)) {
				notices.add(new Notice("undo without versioned file", key,
						display(project, undo) + " has no V file of the same version: not converted", false));
			}
		}
		List<String> written = new ArrayList<>();
		List<String> unchanged = new ArrayList<>();
		List<String> conflicts = new ArrayList<>();
		toWrite.forEach((path, text) -> {
			if (Files.exists(path)) {
				if (read(path).equals(text)) {
					unchanged.add(display(project, path));
				}
				else {
					conflicts.add(display(project, path));
				}
			}
			else {
				written.add(display(project, path));
			}
		});
		if (!conflicts.isEmpty()) {
			throw new ConfitureException(Category.CONFIG,
					"Converted file(s) already exist with other content: " + String.join(", ", conflicts)
							+ ". Nothing was written",
					"Move them out of the migrations directory, or restore the text of the Flyway files they came from");
		}
		Path mappingFile = migrations.resolve(MAPPING_FILE);
		List<Row> recorded;
		if (options.dryRun()) {
			recorded = rows.stream().map(FlywayImporter::row).toList();
		}
		else {
			toWrite.forEach((path, text) -> {
				if (written.contains(display(project, path))) {
					write(path, text);
				}
			});
			write(mappingFile, csv(mappings));
			List<String> versionsRecorded = this.migrator.recordImported(rows);
			recorded = rows.stream()
				.filter((row) -> versionsRecorded.contains(row.version()))
				.map(FlywayImporter::row)
				.toList();
		}
		return new FlywayImportResult(table, options.dryRun(), mappings, written, unchanged,
				display(project, mappingFile), recorded, notices);
	}

	private static String state(String key, Entry entry, Versioned file, FlywayFiles files, String baseline) {
		if (entry != null && entry.isJava() || (entry == null && file == null && files.java.containsKey(key))) {
			return "java";
		}
		if (entry == null) {
			if (baseline != null && FlywayVersions.compare(key, baseline) <= 0) {
				return (file != null) ? "baseline" : "below baseline";
			}
			return (file != null) ? "pending" : "undo only";
		}
		if ("BASELINE".equals(entry.type())) {
			return "baseline";
		}
		if (entry.isUndo()) {
			return entry.success() ? "undone" : "failed";
		}
		if (!entry.success()) {
			return "failed";
		}
		return (file != null) ? "applied" : "missing file";
	}

	private static Row row(ImportedMigration migration) {
		return new Row(migration.version(), migration.name(), migration.baseline() ? "baseline" : "sql",
				migration.checksum(), migration.appliedBy(),
				(migration.appliedAt() != null) ? migration.appliedAt().toString() : null);
	}

	private List<Path> locations(List<String> configured) {
		Path project = this.environment.projectDirectory();
		if (configured.isEmpty()) {
			return List.of(project.resolve("src/main/resources/db/migration"));
		}
		List<Path> locations = new ArrayList<>();
		for (String location : configured) {
			if (location.startsWith("classpath:")) {
				locations.add(project.resolve("src/main/resources").resolve(strip(location, "classpath:")));
			}
			else {
				locations.add(project
					.resolve(location.startsWith("filesystem:") ? strip(location, "filesystem:") : location));
			}
		}
		return locations;
	}

	private static String strip(String location, String prefix) {
		String path = location.substring(prefix.length());
		return path.startsWith("/") && prefix.equals("classpath:") ? path.substring(1) : path;
	}

	/**
	 * A Confiture migration name from Flyway's description: lower case, words joined by
	 * {@code _}.
	 */
	static String name(String description) {
		String name = description.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		return name.isEmpty() ? "migration" : name;
	}

	private static String csv(List<Mapping> mappings) {
		StringBuilder csv = new StringBuilder(
				"flyway_version,confiture_version,state,flyway_file,up_file,down_file,description\n");
		for (Mapping mapping : mappings) {
			csv.append(String.join(",", cell(mapping.flywayVersion()), cell(mapping.version()), cell(mapping.state()),
					cell(mapping.flywayFile()), cell(mapping.upFile()), cell(mapping.downFile()),
					cell(mapping.description())))
				.append('\n');
		}
		return csv.toString();
	}

	private static String cell(String value) {
		if (value == null) {
			return "";
		}
		return (value.contains(",") || value.contains("\"")) ? '"' + value.replace("\"", "\"\"") + '"' : value;
	}

	private static String locationsText(Path project, List<Path> locations) {
		return String.join(", ", locations.stream().map((location) -> display(project, location)).toList());
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.CONFIG, "Could not read " + file + ": " + ex.getMessage(),
					"Check that the file is readable UTF-8", ex);
		}
	}

	private static void write(Path path, String text) {
		try {
			Files.createDirectories(path.getParent());
			Files.writeString(path, text, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new ConfitureException(Category.GENERIC, "Could not write " + path + ": " + ex.getMessage(),
					"Check that the migrations directory is writable", ex);
		}
	}

	private static String display(Path project, Path path) {
		Path absolute = path.toAbsolutePath().normalize();
		Path base = project.toAbsolutePath().normalize();
		return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
	}

}
