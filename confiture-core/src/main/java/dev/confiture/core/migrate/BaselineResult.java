package dev.confiture.core.migrate;

import java.util.List;

/**
 * What a baseline recorded.
 *
 * @param version the version baselined
 * @param recorded the migrations recorded as applied (a marker row when no migration has
 * that version)
 */
public record BaselineResult(String version, List<MigrationInfo> recorded) {

	/** Copies the list. */
	public BaselineResult {
		recorded = List.copyOf(recorded);
	}

}
