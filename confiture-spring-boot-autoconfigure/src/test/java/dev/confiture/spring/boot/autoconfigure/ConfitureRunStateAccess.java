package dev.confiture.spring.boot.autoconfigure;

import dev.confiture.core.migrate.MigrationCounts;

/**
 * Test access to the package-private recording methods of {@link ConfitureRunState}.
 */
public final class ConfitureRunStateAccess {

	private ConfitureRunStateAccess() {
	}

	public static void record(ConfitureRunState state, ConfitureRunState.LastRun run) {
		state.recordRun(run);
	}

	public static void counts(ConfitureRunState state, MigrationCounts counts) {
		state.recordCounts(counts);
	}

}
