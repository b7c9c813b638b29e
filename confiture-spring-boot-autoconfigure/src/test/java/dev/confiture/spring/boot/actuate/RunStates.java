package dev.confiture.spring.boot.actuate;

import dev.confiture.core.migrate.MigrationCounts;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunState;
import dev.confiture.spring.boot.autoconfigure.ConfitureRunStateAccess;

/**
 * Records state from tests outside the autoconfigure package.
 */
final class RunStates {

	private RunStates() {
	}

	static void record(ConfitureRunState state, ConfitureRunState.LastRun run) {
		ConfitureRunStateAccess.record(state, run);
	}

	static void counts(ConfitureRunState state, MigrationCounts counts) {
		ConfitureRunStateAccess.counts(state, counts);
	}

}
