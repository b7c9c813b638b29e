package dev.confiture.spring.boot.autoconfigure;

/**
 * Test access to the package-private recording methods of {@link ConfitureRunState}.
 */
public final class ConfitureRunStateAccess {

	private ConfitureRunStateAccess() {
	}

	public static void record(ConfitureRunState state, ConfitureRunState.LastRun run) {
		state.recordRun(run);
	}

	public static void counts(ConfitureRunState state, ConfitureRunState.Counts counts) {
		state.recordCounts(counts);
	}

}
