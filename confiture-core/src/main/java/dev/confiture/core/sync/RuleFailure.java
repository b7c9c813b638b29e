package dev.confiture.core.sync;

/**
 * A strategy failed on a value. Carries the column and the strategy, never the value nor
 * the original exception (whose message may quote it).
 */
final class RuleFailure extends RuntimeException {

	private final int column;

	private final transient Strategy strategy;

	RuleFailure(int column, Strategy strategy, RuntimeException cause) {
		super((cause instanceof Strategy.Unsupported) ? cause.getMessage()
				: "it failed with " + cause.getClass().getSimpleName(), null, false, false);
		this.column = column;
		this.strategy = strategy;
	}

	/** The index of the column among the copied ones. */
	int column() {
		return this.column;
	}

	/** The strategy's name. */
	String strategy() {
		return this.strategy.name();
	}

}
