package dev.confiture.core.adopt;

import java.util.List;

/**
 * What importing a Flyway history did (or, in a dry run, would do).
 *
 * @param historyTable Flyway's history table that was read (and left untouched)
 * @param dryRun whether nothing was written
 * @param mappings every Flyway version found, in Flyway's order, with its Confiture
 * version
 * @param written the migration files written now, relative to the project
 * @param unchanged the converted files that already existed with the same text
 * @param mappingFile the file the mapping was written to, relative to the project
 * @param recorded the rows written to the tracking table now (or that would be)
 * @param notices the entries that were not simply carried over, each with what to do
 */
public record FlywayImportResult(String historyTable, boolean dryRun, List<Mapping> mappings, List<String> written,
		List<String> unchanged, String mappingFile, List<Row> recorded, List<Notice> notices) {

	public FlywayImportResult {
		mappings = List.copyOf(mappings);
		written = List.copyOf(written);
		unchanged = List.copyOf(unchanged);
		recorded = List.copyOf(recorded);
		notices = List.copyOf(notices);
	}

	/**
	 * Whether some entry needs the user's attention (failed, pending, missing, undone).
	 */
	public boolean needsAttention() {
		return this.notices.stream().anyMatch(Notice::needsAction);
	}

	/**
	 * One Flyway version and what it became.
	 *
	 * @param flywayVersion the version as Flyway wrote it
	 * @param version the Confiture version
	 * @param description Flyway's description
	 * @param flywayFile the Flyway file, relative to the project, or {@code null} if
	 * missing
	 * @param upFile the Confiture up file, or {@code null} when nothing was converted
	 * @param downFile the Confiture down file from Flyway's undo file, or {@code null}
	 * @param state {@code applied}, {@code baseline}, {@code failed}, {@code pending},
	 * {@code undone}, {@code java} or {@code missing file}
	 */
	public record Mapping(String flywayVersion, String version, String description, String flywayFile, String upFile,
			String downFile, String state) {

	}

	/**
	 * A row for the tracking table.
	 *
	 * @param version the Confiture version
	 * @param name the name
	 * @param kind {@code sql} or {@code baseline}
	 * @param checksum Confiture's checksum of the converted up file
	 * @param appliedBy Flyway's {@code installed_by}
	 * @param appliedAt Flyway's {@code installed_on}, ISO-8601
	 */
	public record Row(String version, String name, String kind, String checksum, String appliedBy, String appliedAt) {

	}

	/**
	 * An entry that was not simply carried over.
	 *
	 * @param kind {@code failed}, {@code pending}, {@code out of order},
	 * {@code repeatable}, {@code java}, {@code missing file}, {@code undone}
	 * @param subject the Flyway version or script
	 * @param message what happened and what to do
	 * @param needsAction whether the user must act before migrating
	 */
	public record Notice(String kind, String subject, String message, boolean needsAction) {

	}

}
