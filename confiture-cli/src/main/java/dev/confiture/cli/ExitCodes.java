package dev.confiture.cli;

/**
 * The exit codes of the command line: one table for every command.
 */
final class ExitCodes {

	static final int OK = 0;

	static final int USAGE = 5;

	static final String TABLE = """
			  0  success (nothing pending, no changes)
			  1  failure, or: pending migrations (migrate status), changes found (diff, verify), checks failed (validate)
			  2  not initialised (no tracking table)
			  3  database unreachable or a statement failed
			  4  schema files could not be read, split or built
			  5  invalid configuration or usage
			  6  migration lock not acquired in time
			  7  git problem
			  8  rollback refused: a migration has no down script""";

	private ExitCodes() {
	}

}
