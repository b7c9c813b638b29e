package dev.confiture.core.adopt;

import java.util.List;

/**
 * How to import a Flyway history.
 *
 * @param locations where Flyway's migration files are: directories, relative to the
 * project, optionally prefixed {@code filesystem:} or {@code classpath:} (read from
 * {@code src/main/resources}); {@code src/main/resources/db/migration} when empty
 * @param historyTable Flyway's history table, possibly schema-qualified, or {@code null}
 * to find {@code flyway_schema_history}
 * @param dryRun whether to only work out the mapping and the rows, writing nothing
 */
public record FlywayImportOptions(List<String> locations, String historyTable, boolean dryRun) {

	public FlywayImportOptions {
		locations = List.copyOf(locations);
	}

	/** Flyway's default location and table, writing. */
	public static FlywayImportOptions defaults() {
		return new FlywayImportOptions(List.of(), null, false);
	}

	/** These options with the given locations. */
	public FlywayImportOptions withLocations(List<String> locations) {
		return new FlywayImportOptions(locations, this.historyTable, this.dryRun);
	}

	/** These options as a dry run or not. */
	public FlywayImportOptions withDryRun(boolean dryRun) {
		return new FlywayImportOptions(this.locations, this.historyTable, dryRun);
	}

}
