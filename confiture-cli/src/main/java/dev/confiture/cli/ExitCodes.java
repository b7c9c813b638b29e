package dev.confiture.cli;

import dev.confiture.core.api.ConfitureException.Category;

/**
 * The exit codes of the command line: one table for every command.
 */
final class ExitCodes {

	static final int OK = 0;

	static final int USAGE = 5;

	static final int INTERRUPTED_BY_SIGINT = 130;

	static final int INTERRUPTED_BY_SIGTERM = 143;

	static final String TABLE = "  0  success (nothing pending, no changes)%n"
			+ "  1  failure; pending migrations (migrate status); changes found (diff, verify)%n"
			+ "     or checks failed (validate)%n" + "  2  not initialised (no tracking table)%n"
			+ "  3  database unreachable or a statement failed%n"
			+ "  4  schema files could not be read, split or built%n" + "  5  invalid configuration or usage%n"
			+ "  6  migration lock not acquired in time%n" + "  7  git problem%n"
			+ "  8  rollback refused: a migration has no down script%n"
			+ "130  interrupted by SIGINT (Ctrl-C), 143 by SIGTERM: the running statement was cancelled%n"
			+ "     and rolled back, the lock released; nothing of the interrupted migration or build was applied";

	private ExitCodes() {
	}

	/**
	 * The exit code of a kind of failure.
	 * @param category the kind of failure
	 * @return its exit code
	 */
	static int of(Category category) {
		return switch (category) {
			case GENERIC -> 1;
			case NOT_INITIALIZED -> 2;
			case DATABASE -> 3;
			case SCHEMA -> 4;
			case CONFIG -> 5;
			case LOCK -> 6;
			case GIT -> 7;
			case IRREVERSIBLE -> 8;
			case INTERRUPTED -> INTERRUPTED_BY_SIGTERM;
		};
	}

}
