package dev.confiture.core.build;

import java.util.List;

/**
 * What a seed load ran.
 *
 * @param seedFiles the seed files, in order
 * @param statementCount the statements executed
 */
public record SeedResult(List<SchemaFile> seedFiles, int statementCount) {

	/** Copies the list. */
	public SeedResult {
		seedFiles = List.copyOf(seedFiles);
	}

}
