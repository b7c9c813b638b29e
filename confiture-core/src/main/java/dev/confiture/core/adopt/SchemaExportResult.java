package dev.confiture.core.adopt;

import java.util.List;

/**
 * What writing schema files from a live database did.
 *
 * @param database the live database, without secrets
 * @param schemaDirectory the directory written to, relative to the project
 * @param files the files written, relative to the project, in build order
 * @param objectCount how many catalog objects they create
 * @param deferred the steps moved to the last file because a build would otherwise run
 * them before something they need, one sentence each
 * @param otherFiles schema files that were already in the directory and were not written
 * (not part of the proof)
 * @param differences how a build of the written files differs from the live database;
 * empty when they match
 * @param reprinted constraints written as PostgreSQL printed them that it prints
 * differently once built again (the same check with its casts moved); not counted as
 * differences
 * @param baselined the migrations marked as applied when a baseline was recorded
 * @param baselineRecorded whether a build was recorded in the live database
 */
public record SchemaExportResult(String database, String schemaDirectory, List<String> files, int objectCount,
		List<String> deferred, List<String> otherFiles, List<String> differences, List<String> reprinted,
		List<String> baselined, boolean baselineRecorded) {

	public SchemaExportResult {
		files = List.copyOf(files);
		deferred = List.copyOf(deferred);
		otherFiles = List.copyOf(otherFiles);
		differences = List.copyOf(differences);
		reprinted = List.copyOf(reprinted);
		baselined = List.copyOf(baselined);
	}

	/** Whether a build of the written files has the live database's catalog. */
	public boolean verified() {
		return this.differences.isEmpty();
	}

}
